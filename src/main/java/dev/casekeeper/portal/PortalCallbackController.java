package dev.casekeeper.portal;

import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer asks to be called back on her own case; a refusal shows the case page again with why, nothing asked. */
@Controller
class PortalCallbackController {

    private final PortalCallbacks callbacks;
    private final MyRequestsController page;

    PortalCallbackController(PortalCallbacks callbacks, MyRequestsController page) {
        this.callbacks = callbacks;
        this.page = page;
    }

    @PostMapping("/portal/cases/{number}/callback")
    String request(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "0") long windowFrom,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            callbacks.request(customer.id(), number, phone, email, windowFrom);
        } catch (InvalidInputException e) {
            String view = page.show(customer, number, locale, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "talkError",
                    e.fieldErrors().containsKey("windowFrom")
                            ? "portal.talk.error.window"
                            : "portal.talk.error.contact");
            model.addAttribute("talkPhone", phone);
            model.addAttribute("talkEmail", email);
            return view;
        } catch (ConflictException e) {
            String view = page.show(customer, number, locale, model);
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("talkError", "portal.talk.error.closed");
            return view;
        }
        redirect.addFlashAttribute("talkAsked", true);
        return "redirect:/portal/cases/" + number + "#talk";
    }
}
