package dev.casekeeper.portal;

import dev.casekeeper.customers.IdentityKind;
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
 * Signing in to the portal, by email address or by verified phone number, one flow for both
 * ({@link SignInFlow}): the customer gives the identity and gets the same answer whether or not it
 * is known; then types the code it was sent, or (a phone) the code an agent read out on a call. An
 * email's link shows a button that signs in, so a mail scanner that fetches links does not spend it.
 */
@Controller
class SignInController {

    /** One way of signing in: its identity, its pages, and what they say. */
    enum Route {
        EMAIL(IdentityKind.EMAIL, "/portal/sign-in", "portal/sign-in", "email"),
        PHONE(IdentityKind.PHONE, "/portal/sign-in/phone", "portal/sign-in-phone", "phone");

        final IdentityKind kind;
        final String path;
        final String view;
        final String field;

        Route(IdentityKind kind, String path, String view, String field) {
            this.kind = kind;
            this.path = path;
            this.view = view;
            this.field = field;
        }

        static Route of(IdentityKind kind) {
            return kind == IdentityKind.PHONE ? PHONE : EMAIL;
        }

        // The code page's texts and links, read by portal/sign-in-code.html.
        public String path() {
            return path;
        }

        public boolean phone() {
            return this == PHONE;
        }

        String refusal(String value) {
            if (this == PHONE) {
                return "portal.signIn.phoneInvalid";
            }
            return value.isBlank() ? "portal.signIn.emailBlank" : "portal.signIn.emailInvalid";
        }

        String wrong() {
            return this == PHONE ? "portal.signIn.phoneCodeWrong" : "portal.signIn.codeWrong";
        }

        String malformed() {
            return this == PHONE ? "portal.signIn.phoneCodeMalformed" : "portal.signIn.codeMalformed";
        }
    }

    private final SignInFlow flow;
    private final PortalSignIn signIn;

    SignInController(SignInFlow flow, PortalSignIn signIn) {
        this.flow = flow;
        this.signIn = signIn;
    }

    @GetMapping("/portal/sign-in")
    String form() {
        return Route.EMAIL.view;
    }

    @GetMapping("/portal/sign-in/phone")
    String phoneForm() {
        return Route.PHONE.view;
    }

    @PostMapping("/portal/sign-in")
    String request(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        return ask(Route.EMAIL, email, false, request, response, session, locale, model);
    }

    /** A number to text a code to; {@code given}: the caller has a code from an agent on the call already. */
    @PostMapping("/portal/sign-in/phone")
    String requestByPhone(
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "false") boolean given,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        return ask(Route.PHONE, phone, given, request, response, session, locale, model);
    }

    @GetMapping({"/portal/sign-in/code", "/portal/sign-in/phone/code"})
    String codeForm(HttpServletRequest request, HttpSession session, Model model) {
        var route = route(request);
        var pending = pendingFor(route, session);
        if (pending.isEmpty()) {
            return "redirect:" + route.path;
        }
        return codePage(route, pending.get(), model);
    }

    @PostMapping({"/portal/sign-in/code", "/portal/sign-in/phone/code"})
    String code(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model) {
        var route = route(request);
        var pending = pendingFor(route, session);
        if (pending.isEmpty()) {
            return "redirect:" + route.path;
        }
        String view = codePage(route, pending.get(), model);
        try {
            if (flow.complete(pending.get(), code, request, response).isPresent()) {
                return "redirect:/portal";
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", route.wrong());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", route.malformed());
        } catch (RateLimited e) {
            return limited(e, response, model, view);
        }
        return view;
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
                SignInFlow.signedIn(customer.get(), request, response);
                return "redirect:/portal";
            }
        } catch (InvalidInputException e) {
            // The address changed hands since the link was sent: as good as spent.
        } catch (RateLimited e) {
            return limited(e, response, model, Route.EMAIL.view);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", "portal.signIn.linkInvalid");
        return Route.EMAIL.view;
    }

    /** Signs out of the portal only: an agent signed in in the same browser stays signed in. */
    @PostMapping("/portal/sign-out")
    String signOut(HttpSession session) {
        session.removeAttribute(PortalSecurityConfiguration.CONTEXT_ATTRIBUTE);
        SecurityContextHolder.clearContext();
        return "redirect:/portal/sign-in?signedOut";
    }

    private String ask(
            Route route,
            String value,
            boolean given,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        try {
            if (given) {
                flow.given(value, request, session);
            } else {
                flow.ask(route.kind, value, request, session, locale);
            }
            return "redirect:" + route.path + "/code";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(route.field, value);
            model.addAttribute("error", route.refusal(value));
            return route.view;
        } catch (RateLimited e) {
            return limited(e, response, model.addAttribute(route.field, value), route.view);
        }
    }

    private static String codePage(Route route, SignInFlow.Pending pending, Model model) {
        model.addAttribute("route", route);
        model.addAttribute("pending", pending);
        return "portal/sign-in-code";
    }

    private static Route route(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/phone/code") ? Route.PHONE : Route.EMAIL;
    }

    /** The pending identity, when it is of the route's kind. */
    private static Optional<SignInFlow.Pending> pendingFor(Route route, HttpSession session) {
        return SignInFlow.pending(session).filter(p -> p.kind() == route.kind);
    }

    private static String limited(RateLimited e, HttpServletResponse response, Model model, String view) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryIn.toSeconds())));
        model.addAttribute("limitedMinutes", e.minutes());
        return view;
    }
}
