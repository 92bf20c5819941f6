package dev.casekeeper.portal;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The call panel's "Give the caller a sign-in code" ({@link CallSignInCodes}): an agents' page (the
 * agents' session, not the portal's) answering with the part of the panel that shows the code once,
 * or why there is none.
 */
@Controller
class CallSignInCodeController {

    private final CallSignInCodes codes;

    CallSignInCodeController(CallSignInCodes codes) {
        this.codes = codes;
    }

    @PostMapping("/cases/{number}/call/sign-in-code")
    String give(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("number", number);
        try {
            model.addAttribute("given", codes.give(number, me));
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("codeRefusal", "portal.callCode.refused." + e.code());
        }
        return "portal/call-code :: code";
    }
}
