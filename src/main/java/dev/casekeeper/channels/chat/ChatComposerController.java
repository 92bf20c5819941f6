package dev.casekeeper.channels.chat;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The chat's part of the case page's composer: where a reply goes now, and, once the customer left
 * the chat, a callback task for the team. For whoever may see the case; a case the agent may not
 * see is not found.
 */
@Controller
class ChatComposerController {

    private final CaseLookup cases;
    private final ChatManagement chats;

    ChatComposerController(CaseLookup cases, ChatManagement chats) {
        this.cases = cases;
        this.chats = chats;
    }

    @GetMapping("/cases/{number}/chat/reply-channel")
    String replyChannel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        return fill(number, me, model);
    }

    @PostMapping("/cases/{number}/chat/callback")
    String callback(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            Model model,
            HttpServletResponse response) {
        var kase = cases.findByNumber(number, me).summary();
        try {
            chats.requestCallback(kase.id(), me);
        } catch (ConflictException e) {
            // Nothing changed; the part shows the chat as it is now, which says why.
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return fill(number, me, model);
    }

    private String fill(long number, SignedInAgent me, Model model) {
        var kase = cases.findByNumber(number, me).summary();
        model.addAttribute("number", number);
        model.addAttribute("chat", chats.ofCase(kase.id(), me).orElse(null));
        return "chat/panel :: reply-channel";
    }
}
