package dev.casekeeper.portal;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.telephony.TelephonyManagement;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sign-in code read out on a live call: the agent who took the call gives the caller a one-time
 * code for the portal, for the number she is calling from when it is a verified phone identity of a
 * customer; she types her number and the code at {@code /portal/sign-in/phone}. The code follows
 * the sign-in codes' rules (a digest kept, single use, the identity's limit per hour, wrong guesses
 * wear it out), lives only {@link #LIFETIME}, and the case's timeline records who gave one and
 * until when, never the code.
 */
@Service
@Transactional
class CallSignInCodes {

    /** How long a code read out on a call stays good: long enough to open the portal while still on the line. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** A code given: the six digits to read out, the number it signs in with, until when, and for how many minutes. */
    record Given(String code, String number, Instant expiresAt, long minutes) {}

    private final TelephonyManagement telephony;
    private final CaseLookup lookup;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final PortalSignIn signIn;
    private final PortalLimits limits;
    private final PortalSettings settings;

    CallSignInCodes(
            TelephonyManagement telephony,
            CaseLookup lookup,
            CaseManagement cases,
            CustomerManagement customers,
            PortalSignIn signIn,
            PortalLimits limits,
            PortalSettings settings) {
        this.telephony = telephony;
        this.lookup = lookup;
        this.cases = cases;
        this.customers = customers;
        this.signIn = signIn;
        this.limits = limits;
        this.settings = settings;
    }

    /**
     * A code for the caller on the case's live call, for the agent on the call.
     *
     * @throws ConflictException {@code no-live-call} without an answered live call, {@code
     *     not-your-call} for anyone but its agent, {@code not-verified} when the number is no verified
     *     phone of a customer, {@code too-many-codes} past the number's limit
     */
    Given give(long number, SignedInAgent agent) {
        var kase = lookup.findByNumber(number, agent).summary();
        var call = telephony
                .callOfCase(kase.id(), agent)
                .filter(c -> c.live() && c.answered())
                .orElseThrow(() -> new ConflictException("no-live-call", "This case has no answered live call"));
        if (!call.mine()) {
            throw new ConflictException("not-your-call", "Only the agent on the call gives the caller a code");
        }
        String phone;
        try {
            phone = PortalSignIn.normal(IdentityKind.PHONE, call.from());
        } catch (InvalidInputException e) {
            throw new ConflictException("not-verified", "The caller's number is not a verified phone of a customer");
        }
        var customer = customers
                .findByIdentity(IdentityKind.PHONE, phone)
                .filter(c -> c.erasedAt() == null
                        && c.identities().stream()
                                .anyMatch(i -> i.kind() == IdentityKind.PHONE
                                        && i.value().equals(phone)
                                        && i.verified()))
                .orElseThrow(() -> new ConflictException(
                        "not-verified", "The caller's number is not a verified phone of a customer"));
        if (limits.mailTo(phone).isPresent()) {
            throw new ConflictException("too-many-codes", "This number was given too many codes this hour");
        }
        var lifetime = LIFETIME.compareTo(settings.codeLifetime()) < 0 ? LIFETIME : settings.codeLifetime();
        var issued = signIn.issue(customer.id(), IdentityKind.PHONE, phone, lifetime);
        cases.recordEvent(kase.id(), agent.actor(), new TimelineEvent.SignInCodeGiven(issued.expiresAt()));
        return new Given(issued.code(), phone, issued.expiresAt(), lifetime.toMinutes());
    }
}
