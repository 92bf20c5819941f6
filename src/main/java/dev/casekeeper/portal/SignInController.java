package dev.casekeeper.portal;

import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the portal: the customer gives an email address and gets the same answer whether
 * or not it is known; then types the code from the mail, or opens its link. Opening the link shows
 * a button that signs in, so a mail scanner that fetches links does not spend it.
 */
@Controller
class SignInController {

    /** The address a code was asked for, kept in the session until the code is typed. */
    static final String PENDING = "portal.sign-in.email";

    private final PortalSignIn signIn;

    SignInController(PortalSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/portal/sign-in")
    String form() {
        return "portal/sign-in";
    }

    @PostMapping("/portal/sign-in")
    String request(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        try {
            session.setAttribute(PENDING, signIn.request(email, request.getRemoteAddr(), locale));
            return "redirect:/portal/sign-in/code";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("email", email);
            model.addAttribute("error", email.isBlank() ? "portal.signIn.emailBlank" : "portal.signIn.emailInvalid");
            return "portal/sign-in";
        } catch (RateLimited e) {
            return limited(e, response, model.addAttribute("email", email), "portal/sign-in");
        }
    }

    @GetMapping("/portal/sign-in/code")
    String codeForm(HttpSession session, Model model) {
        var email = pending(session);
        if (email.isEmpty()) {
            return "redirect:/portal/sign-in";
        }
        model.addAttribute("email", email.get());
        return "portal/sign-in-code";
    }

    @PostMapping("/portal/sign-in/code")
    String code(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        var email = pending(session);
        if (email.isEmpty()) {
            return "redirect:/portal/sign-in";
        }
        model.addAttribute("email", email.get());
        try {
            var customer = signIn.withCode(email.get(), code, request.getRemoteAddr());
            if (customer.isPresent()) {
                session.removeAttribute(PENDING);
                return signedIn(customer.get(), request, response);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "portal.signIn.codeWrong");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "portal.signIn.codeMalformed");
        } catch (RateLimited e) {
            return limited(e, response, model, "portal/sign-in-code");
        }
        return "portal/sign-in-code";
    }

    @GetMapping("/portal/sign-in/link/{token}")
    String link(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "portal/sign-in-link";
    }

    @PostMapping("/portal/sign-in/link")
    String useLink(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            var customer = token.isBlank()
                    ? Optional.<PortalCustomer>empty()
                    : signIn.withLink(token, request.getRemoteAddr());
            if (customer.isPresent()) {
                return signedIn(customer.get(), request, response);
            }
        } catch (InvalidInputException e) {
            // The address changed hands since the link was sent: as good as spent.
        } catch (RateLimited e) {
            return limited(e, response, model, "portal/sign-in");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", "portal.signIn.linkInvalid");
        return "portal/sign-in";
    }

    /** Signs out of the portal only: an agent signed in in the same browser stays signed in. */
    @PostMapping("/portal/sign-out")
    String signOut(HttpSession session) {
        session.removeAttribute(PortalSecurityConfiguration.CONTEXT_ATTRIBUTE);
        SecurityContextHolder.clearContext();
        return "redirect:/portal/sign-in?signedOut";
    }

    private String signedIn(PortalCustomer customer, HttpServletRequest request, HttpServletResponse response) {
        // A new session id on signing in: one planted in the browser before (session fixation) is worth nothing.
        request.changeSessionId();
        PortalSecurityConfiguration.signIn(customer, request, response);
        return "redirect:/portal";
    }

    private static String limited(RateLimited e, HttpServletResponse response, Model model, String view) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryIn.toSeconds())));
        model.addAttribute("limitedMinutes", e.minutes());
        return view;
    }

    private static Optional<String> pending(HttpSession session) {
        return session.getAttribute(PENDING) instanceof String email ? Optional.of(email) : Optional.empty();
    }
}
