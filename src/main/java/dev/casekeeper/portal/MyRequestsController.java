package dev.casekeeper.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My requests": the signed-in customer's cases, one case's public timeline, and replying to it. */
@Controller
class MyRequestsController {

    private final PortalCases cases;
    private final PortalFeedback feedback;
    private final PortalCallbacks callbacks;

    MyRequestsController(PortalCases cases, PortalFeedback feedback, PortalCallbacks callbacks) {
        this.cases = cases;
        this.feedback = feedback;
        this.callbacks = callbacks;
    }

    @GetMapping("/portal")
    String list(@AuthenticationPrincipal PortalCustomer customer, Locale locale, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("cases", cases.mine(customer.id()));
        model.addAttribute("times", new PortalTimes(locale));
        return "portal/requests";
    }

    @GetMapping("/portal/cases/{number}")
    String page(
            @AuthenticationPrincipal PortalCustomer customer, @PathVariable long number, Locale locale, Model model) {
        return show(customer, number, locale, model);
    }

    @PostMapping("/portal/cases/{number}/replies")
    String reply(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            @RequestParam(defaultValue = "") String body,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String error = body.isBlank()
                ? "portal.reply.blank"
                : body.strip().length() > PortalCases.MAX_REPLY ? "portal.reply.tooLong" : null;
        if (error != null) {
            // The case is checked to be hers before anything is said about the reply.
            String view = show(customer, number, locale, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", error);
            model.addAttribute("body", body);
            return view;
        }
        long landed = cases.reply(customer.id(), number, body);
        redirect.addFlashAttribute("sent", true);
        if (landed != number) {
            redirect.addFlashAttribute("followUpOf", number);
        }
        return "redirect:/portal/cases/" + landed;
    }

    String show(PortalCustomer customer, long number, Locale locale, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("page", cases.page(customer.id(), number));
        model.addAttribute("offer", feedback.offer(customer.id(), number));
        model.addAttribute("maxRemark", Remarks.MAX);
        model.addAttribute("times", new PortalTimes(locale));
        model.addAttribute("maxReply", PortalCases.MAX_REPLY);
        model.addAttribute("talk", callbacks.talk(customer.id(), number));
        return "portal/case";
    }
}
