package dev.casekeeper.portal;

import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with a verified phone number: the customer gives the number and gets the same answer
 * whether or not it is known and verified; a known, verified number is sent a six-digit code by text
 * message, which she types on the next page. The rules are the email codes' ({@link PortalSignIn}).
 */
@Controller
class PhoneSignInController {

    /** The number a code was asked for, kept in the session until the code is typed. */
    static final String PENDING = "portal.sign-in.phone";

    private final PortalSignIn signIn;

    PhoneSignInController(PortalSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/portal/sign-in/phone")
    String form() {
        return "portal/sign-in-phone";
    }

    @PostMapping("/portal/sign-in/phone")
    String request(
            @RequestParam(defaultValue = "") String phone,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        try {
            session.setAttribute(PENDING, signIn.request(IdentityKind.PHONE, phone, request.getRemoteAddr(), locale));
            return "redirect:/portal/sign-in/phone/code";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("phone", phone);
            model.addAttribute("error", "portal.signIn.phoneInvalid");
            return "portal/sign-in-phone";
        } catch (RateLimited e) {
            return limited(e, response, model.addAttribute("phone", phone), "portal/sign-in-phone");
        }
    }

    @GetMapping("/portal/sign-in/phone/code")
    String codeForm(HttpSession session, Model model) {
        if (!(session.getAttribute(PENDING) instanceof String phone)) {
            return "redirect:/portal/sign-in/phone";
        }
        model.addAttribute("phone", phone);
        return "portal/sign-in-phone-code";
    }

    @PostMapping("/portal/sign-in/phone/code")
    String code(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        if (!(session.getAttribute(PENDING) instanceof String phone)) {
            return "redirect:/portal/sign-in/phone";
        }
        model.addAttribute("phone", phone);
        try {
            var customer = signIn.withCode(IdentityKind.PHONE, phone, code, request.getRemoteAddr());
            if (customer.isPresent()) {
                session.removeAttribute(PENDING);
                // A new session id on signing in: one planted in the browser before is worth nothing.
                request.changeSessionId();
                PortalSecurityConfiguration.signIn(customer.get(), request, response);
                return "redirect:/portal";
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "portal.signIn.phoneCodeWrong");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "portal.signIn.phoneCodeMalformed");
        } catch (RateLimited e) {
            return limited(e, response, model, "portal/sign-in-phone-code");
        }
        return "portal/sign-in-phone-code";
    }

    private static String limited(RateLimited e, HttpServletResponse response, Model model, String view) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryIn.toSeconds())));
        model.addAttribute("limitedMinutes", e.minutes());
        return view;
    }
}
