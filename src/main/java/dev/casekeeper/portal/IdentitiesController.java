package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.customers.MergeId;
import dev.casekeeper.customers.MergeManagement;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's identities in the portal: she adds an email address or a phone number (or verifies
 * one of hers) with a code sent to it (by email, by text message), and completes a merge of her records proposed by an agent by having a code
 * sent to an address of the other record (shown masked) and typing it here.
 */
@Controller
class IdentitiesController {

    /** The address a verification code was sent to, and how the page names it. */
    static final String PENDING = "casekeeper.portal.verify.email";

    static final String SHOWN = "casekeeper.portal.verify.shown";

    /** The kind of identity the pending code was sent to (an email address unless it says otherwise). */
    static final String KIND = "casekeeper.portal.verify.kind";

    private final AboutMePage page;
    private final IdentityVerification verification;
    private final MergeManagement merges;
    private final CustomerManagement customers;

    IdentitiesController(
            AboutMePage page, IdentityVerification verification, MergeManagement merges, CustomerManagement customers) {
        this.page = page;
        this.verification = verification;
        this.merges = merges;
        this.customers = customers;
    }

    @PostMapping("/portal/identities")
    String add(
            @AuthenticationPrincipal PortalCustomer customer,
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        try {
            String address = verification.request(customer.id(), email, request.getRemoteAddr(), locale);
            pending(session, IdentityKind.EMAIL, address, address);
            return "redirect:/portal/identities/verify";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("newEmail", email);
            model.addAttribute("identityError", identityError(email, e));
        } catch (RateLimited e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("newEmail", email);
            model.addAttribute("limitedMinutes", e.minutes());
        }
        return page.show(customer, model, null);
    }

    /**
     * She adds a phone number (or verifies one of hers): a code goes to it by text message, with the
     * same limits as the email codes; once she types it the number is hers and verified, and she may
     * sign in with it.
     */
    @PostMapping("/portal/identities/phone")
    String addPhone(
            @AuthenticationPrincipal PortalCustomer customer,
            @RequestParam(defaultValue = "") String phone,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        try {
            String number =
                    verification.request(customer.id(), IdentityKind.PHONE, phone, request.getRemoteAddr(), locale);
            pending(session, IdentityKind.PHONE, number, number);
            return "redirect:/portal/identities/verify";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("newPhone", phone);
            model.addAttribute(
                    "phoneError",
                    e.fieldErrors().containsKey(IdentityVerification.PHONE_VERIFIED)
                            ? "portal.identities.phoneAlreadyVerified"
                            : "portal.signIn.phoneInvalid");
        } catch (RateLimited e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("newPhone", phone);
            model.addAttribute("phoneLimitedMinutes", e.minutes());
        }
        return page.show(customer, model, null);
    }

    /** A code to an address of the other record of a merge proposed to her, chosen by its place in the list she sees. */
    @PostMapping("/portal/merges/{id}/code")
    String mergeCode(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int index,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        var merge = merges.proposedFor(customer.id()).stream()
                .filter(m -> m.id().equals(new MergeId(id)))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Merge", id));
        var emails = AboutMe.emails(customers.find(merge.other(customer.id())));
        if (index < 0 || index >= emails.size()) {
            throw new NotFoundException("Address", index);
        }
        try {
            String address = verification.request(customer.id(), emails.get(index), request.getRemoteAddr(), locale);
            pending(session, IdentityKind.EMAIL, address, AboutMe.mask(address));
            return "redirect:/portal/identities/verify";
        } catch (RateLimited e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("limitedMinutes", e.minutes());
            return page.show(customer, model, null);
        }
    }

    @GetMapping("/portal/identities/verify")
    String codeForm(@AuthenticationPrincipal PortalCustomer customer, HttpSession session, Model model) {
        if (!(session.getAttribute(PENDING) instanceof String)) {
            return "redirect:/portal/about";
        }
        model.addAttribute("customer", customer);
        model.addAttribute("shown", session.getAttribute(SHOWN));
        model.addAttribute("byPhone", kind(session) == IdentityKind.PHONE);
        return "portal/verify-code";
    }

    @PostMapping("/portal/identities/verify")
    String code(
            @AuthenticationPrincipal PortalCustomer customer,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING) instanceof String address)) {
            return "redirect:/portal/about";
        }
        model.addAttribute("customer", customer);
        model.addAttribute("shown", session.getAttribute(SHOWN));
        model.addAttribute("byPhone", kind(session) == IdentityKind.PHONE);
        try {
            var result = verification.confirm(customer.id(), kind(session), address, code, request.getRemoteAddr());
            switch (result.outcome()) {
                case ADDED -> {
                    redirect.addFlashAttribute(
                            kind(session) == IdentityKind.PHONE ? "phoneAdded" : "identityAdded", true);
                    forget(session);
                    return "redirect:/portal/about";
                }
                case MERGED -> {
                    forget(session);
                    if (result.customer() != null && !result.customer().equals(customer.id())) {
                        PortalSecurityConfiguration.signIn(
                                new PortalCustomer(result.customer().value(), customer.email()), request, response);
                    }
                    redirect.addFlashAttribute("merged", true);
                    return "redirect:/portal";
                }
                case ELSEWHERE -> {
                    forget(session);
                    response.setStatus(HttpStatus.CONFLICT.value());
                    model.addAttribute("error", "portal.verify.elsewhere");
                }
                case WRONG -> {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    model.addAttribute("error", "portal.signIn.codeWrong");
                }
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "portal.signIn.codeMalformed");
        } catch (RateLimited e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("limitedMinutes", e.minutes());
        }
        return "portal/verify-code";
    }

    private static void pending(HttpSession session, IdentityKind kind, String value, String shown) {
        session.setAttribute(PENDING, value);
        session.setAttribute(SHOWN, shown);
        session.setAttribute(KIND, kind);
    }

    private static IdentityKind kind(HttpSession session) {
        return session.getAttribute(KIND) instanceof IdentityKind kind ? kind : IdentityKind.EMAIL;
    }

    private static void forget(HttpSession session) {
        session.removeAttribute(PENDING);
        session.removeAttribute(SHOWN);
        session.removeAttribute(KIND);
    }

    private static String identityError(String email, InvalidInputException e) {
        if (email.isBlank()) {
            return "portal.signIn.emailBlank";
        }
        return e.fieldErrors().containsKey(IdentityVerification.ALREADY_VERIFIED)
                ? "portal.identities.alreadyVerified"
                : "portal.signIn.emailInvalid";
    }
}
