package dev.casekeeper.portal;

import dev.casekeeper.customers.IdentityKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Signing in with a code, one flow for the pages and the customer API and for every kind of
 * identity: ask for a code for an identity (the same answer whether or not anybody has it), keep
 * the identity in the session, type the code, get a new session id and the portal's sign-in. A
 * caller given a code by an agent on a call says so instead of asking for one: nothing is sent.
 */
@Component
class SignInFlow {

    /** The identity a code was asked for, kept in the session until the code is typed. */
    static final String PENDING = "portal.sign-in.pending";

    /**
     * What a code was asked for: the kind of identity and its normal form; {@code given} when an
     * agent gave the code on a call instead of sending one.
     */
    record Pending(IdentityKind kind, String value, boolean given) implements Serializable {}

    private final PortalSignIn signIn;
    private final PortalLimits limits;

    SignInFlow(PortalSignIn signIn, PortalLimits limits) {
        this.signIn = signIn;
        this.limits = limits;
    }

    /**
     * Sends a code through the identity if it may sign in, and remembers it in the session.
     *
     * @throws dev.casekeeper.shared.InvalidInputException when the value is not one of its kind
     * @throws RateLimited when the client or the identity asked too often
     */
    Pending ask(IdentityKind kind, String value, HttpServletRequest request, HttpSession session, Locale locale) {
        var pending = new Pending(kind, signIn.request(kind, value, request.getRemoteAddr(), locale), false);
        session.setAttribute(PENDING, pending);
        return pending;
    }

    /**
     * Remembers a phone number whose code the customer was given on a call: nothing is sent, and
     * the answer is the same for every number. Counted against the client's limit like asking.
     */
    Pending given(String phone, HttpServletRequest request, HttpSession session) {
        String normal = PortalSignIn.normal(IdentityKind.PHONE, phone);
        limits.signInFrom(request.getRemoteAddr()).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        var pending = new Pending(IdentityKind.PHONE, normal, true);
        session.setAttribute(PENDING, pending);
        return pending;
    }

    /** The identity this session asked a code for, of any kind. */
    static Optional<Pending> pending(HttpSession session) {
        return session.getAttribute(PENDING) instanceof Pending pending ? Optional.of(pending) : Optional.empty();
    }

    /**
     * Signs in with the code for the pending identity; empty when the code is wrong, spent or
     * expired.
     *
     * @throws dev.casekeeper.shared.InvalidInputException when the code is not six digits
     * @throws RateLimited when the client tried too often
     */
    Optional<PortalCustomer> complete(
            Pending pending, String code, HttpServletRequest request, HttpServletResponse response) {
        var customer = signIn.withCode(pending.kind(), pending.value(), code, request.getRemoteAddr());
        customer.ifPresent(c -> signedIn(c, request, response));
        return customer;
    }

    /** The portal's sign-in, on a new session id: one planted in the browser before (session fixation) is worth nothing. */
    static void signedIn(PortalCustomer customer, HttpServletRequest request, HttpServletResponse response) {
        request.getSession().removeAttribute(PENDING);
        request.changeSessionId();
        PortalSecurityConfiguration.signIn(customer, request, response);
    }
}
