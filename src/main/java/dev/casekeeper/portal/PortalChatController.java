package dev.casekeeper.portal;

import dev.casekeeper.channels.ChannelManagement;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.shared.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Chat with a person now" on the customer's case page: a chat that belongs to this case, in the
 * chat widget the page then opens, routed like any chat; the agent who takes it reads the case's
 * whole history, so she says nothing twice. The widget's token for the chat goes to the page once,
 * as a flash attribute; a refusal (nobody available any more, a chat about the case going on) shows
 * the case page again with why.
 */
@Controller
class PortalChatController {

    private final PortalCases cases;
    private final ChannelManagement channels;
    private final CustomerManagement customers;
    private final MyRequestsController page;

    PortalChatController(
            PortalCases cases, ChannelManagement channels, CustomerManagement customers, MyRequestsController page) {
        this.cases = cases;
        this.channels = channels;
        this.customers = customers;
        this.page = page;
    }

    @PostMapping("/portal/cases/{number}/chat")
    String start(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var kase = cases.own(customer.id(), number);
        try {
            var chat = channels.startChatOnCase(
                    kase.id(),
                    customer.id().value(),
                    customers.find(customer.id()).displayName());
            redirect.addFlashAttribute("chatMailbox", chat.mailbox());
            redirect.addFlashAttribute("chatToken", chat.token());
            return "redirect:/portal/cases/" + number + "#talk";
        } catch (ConflictException e) {
            String view = page.show(customer, number, locale, model);
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute(
                    "talkError",
                    "chat-open".equals(e.code()) ? "portal.talk.error.chatOpen" : "portal.talk.error.chatUnavailable");
            return view;
        }
    }
}
