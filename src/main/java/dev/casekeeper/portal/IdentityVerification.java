package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.customers.MergeManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proving an identity: a code sent through it and typed back by a signed-in customer, or a link
 * mailed to the address a chat visitor typed and opened. A proved identity that nobody has becomes
 * hers, verified; one she has already is marked verified; one of another record completes the open
 * merge proposal joining the two records (she has proved both are hers), or, for a chat visitor's
 * link, merges the visitor into the record that has the address. Without a proposal, an identity
 * of another record is not taken from it: the customer is asked to contact the desk. Only proved
 * identities are added or merged here.
 */
@Service
@Transactional
class IdentityVerification {

    private static final Logger log = LoggerFactory.getLogger(IdentityVerification.class);
    private static final Pattern CODE = Pattern.compile("^\\d{6}$");

    /** The field a refusal names when the address is hers and verified already. */
    static final String ALREADY_VERIFIED = "email.verified";

    /** The field a refusal names when the phone number is hers and verified already. */
    static final String PHONE_VERIFIED = "phone.verified";

    /** What proving an identity did. */
    enum Outcome {
        /** The identity is hers now, verified (or was hers and is verified now). */
        ADDED,
        /** It completed a merge: her records are one now. */
        MERGED,
        /** It belongs to another record and no merge of the two is proposed: nothing changed. */
        ELSEWHERE,
        /** The code was wrong, spent or expired: nothing changed. */
        WRONG
    }

    /** What proving did, and the record the customer is now (another one after a merge). */
    record Result(Outcome outcome, @Nullable CustomerId customer) {}

    private final SignInCodes codes;
    private final PortalLimits limits;
    private final SignInMail mail;
    private final Map<IdentityKind, CodeChannel> channels;
    private final CustomerManagement customers;
    private final MergeManagement merges;
    private final PortalSettings settings;
    private final Clock clock;

    IdentityVerification(
            SignInCodes codes,
            PortalLimits limits,
            SignInMail mail,
            List<CodeChannel> channels,
            CustomerManagement customers,
            MergeManagement merges,
            PortalSettings settings,
            Clock clock) {
        this.codes = codes;
        this.limits = limits;
        this.mail = mail;
        this.channels = new EnumMap<>(IdentityKind.class);
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.customers = customers;
        this.merges = merges;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The signed-in customer asks to prove an email address (one to add, one of hers not yet
     * verified, or one of the other record of a proposed merge): a code is mailed to it. The normal
     * form of the address.
     *
     * @throws InvalidInputException when it is not an email address, or already hers and verified
     * @throws RateLimited when the client or the address asked too often
     */
    String request(CustomerId customer, String email, String client, Locale locale) {
        return request(customer, IdentityKind.EMAIL, email, client, locale);
    }

    /**
     * The signed-in customer asks to prove an identity: a code is sent through it (an email, a text
     * message to a phone), with the sign-in codes' limits per client and per identity. The normal
     * form of the identity. Only a proved phone number signs in.
     *
     * @throws InvalidInputException when the value is not one of its kind (field {@code email} or
     *     {@code phone}), or already hers and verified (field {@code email.verified}, {@code
     *     phone.verified})
     * @throws RateLimited when the client or the identity asked too often
     */
    String request(CustomerId customer, IdentityKind kind, String value, String client, Locale locale) {
        var channel = channels.get(kind);
        if (channel == null) {
            throw new InvalidInputException(kind.value(), "cannot be verified yet");
        }
        String normal = PortalSignIn.normal(kind, value);
        boolean verifiedAlready = customers.find(customer).identities().stream()
                .anyMatch(i -> i.kind() == kind && i.value().equals(normal) && i.verified());
        if (verifiedAlready) {
            throw new InvalidInputException(kind.value() + ".verified", "this is yours and verified already");
        }
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        limits.mailTo(normal).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        String code = PortalSignIn.sixDigits();
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        codes.insert(
                id,
                SignInCodes.Purpose.VERIFY,
                customer.value(),
                kind,
                normal,
                PortalSignIn.codeDigest(id, code),
                PortalSignIn.digest(PortalSignIn.token()),
                now,
                now.plus(settings.codeLifetime()));
        channel.sendAfterCommit(normal, SignInCodes.Purpose.VERIFY, code, null, locale);
        log.info("Verification code {} sent for customer {}", id, customer);
        return normal;
    }

    /**
     * The code the customer typed for the address.
     *
     * @throws InvalidInputException when the code is not six digits (not counted as a guess)
     * @throws RateLimited when the client tried too often
     */
    Result confirm(CustomerId customer, String address, String code, String client) {
        return confirm(customer, IdentityKind.EMAIL, address, code, client);
    }

    /**
     * The code the customer typed for the identity (its normal form).
     *
     * @throws InvalidInputException when the code is not six digits (not counted as a guess)
     * @throws RateLimited when the client tried too often
     */
    Result confirm(CustomerId customer, IdentityKind kind, String value, String code, String client) {
        String digits = code.replaceAll("\\s", "");
        if (!CODE.matcher(digits).matches()) {
            throw new InvalidInputException("code", "the code is six digits");
        }
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        Instant now = clock.instant();
        for (var live : codes.liveVerifications(customer.value(), kind, value, settings.codeAttempts(), now)) {
            if (MessageDigest.isEqual(
                    PortalSignIn.codeDigest(live.id(), digits).getBytes(StandardCharsets.US_ASCII),
                    live.codeDigest().getBytes(StandardCharsets.US_ASCII))) {
                codes.spend(SignInCodes.Purpose.VERIFY, kind, value, now);
                return prove(customer, kind, value, false);
            }
        }
        codes.wrongVerification(customer.value(), kind, value, now);
        return new Result(Outcome.WRONG, null);
    }

    /**
     * A chat visitor typed an email address in the widget: a link to confirm it is mailed there,
     * unless the address is hers and verified already, links cannot be made (no {@code base-url}),
     * or the address was sent too much mail this hour.
     */
    void sendChatLink(CustomerId visitor, String email, Locale locale) {
        String address;
        try {
            address = PortalSignIn.address(email);
        } catch (InvalidInputException e) {
            return;
        }
        if (!mail.carriesLinks()) {
            log.info("No link for chat visitor {}: casekeeper.portal.base-url is not set", visitor);
            return;
        }
        var customer = customers.find(customers.survivor(visitor));
        boolean verifiedAlready = customer.identities().stream()
                .anyMatch(i -> i.kind() == IdentityKind.EMAIL && i.value().equals(address) && i.verified());
        if (verifiedAlready
                || customer.erasedAt() != null
                || limits.mailTo(address).isPresent()) {
            return;
        }
        String link = PortalSignIn.token();
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        codes.insert(
                id,
                SignInCodes.Purpose.LINK,
                customer.id().value(),
                IdentityKind.EMAIL,
                address,
                PortalSignIn.codeDigest(id, PortalSignIn.sixDigits()),
                PortalSignIn.digest(link),
                now,
                now.plus(settings.chatLinkLifetime()));
        mail.sendAfterCommit(address, SignInCodes.Purpose.LINK, "", link, locale);
        log.info("Verification link {} sent for chat visitor {}", id, customer.id());
    }

    /**
     * The visitor opened the link and confirmed: the address is proved hers. Empty when the link is
     * unknown, spent or expired.
     */
    Optional<Result> confirmLink(String token, String client) {
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        Instant now = clock.instant();
        var live = codes.byLink(SignInCodes.Purpose.LINK, PortalSignIn.digest(token.strip()), now);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        codes.spend(SignInCodes.Purpose.LINK, live.get().kind(), live.get().value(), now);
        var visitor = customers.survivor(new CustomerId(live.get().customerId()));
        if (customers.find(visitor).erasedAt() != null) {
            return Optional.empty();
        }
        return Optional.of(prove(visitor, live.get().kind(), live.get().value(), true));
    }

    private Result prove(CustomerId customer, IdentityKind kind, String value, boolean chatLink) {
        var owner = customers.findByIdentity(kind, value).map(c -> c.id());
        if (owner.isEmpty() || owner.get().equals(customer)) {
            customers.addIdentity(customer, kind, value, true, Actor.customer(customer.value()));
            log.info("Customer {} proved a {} identity", customer, kind.value());
            return new Result(Outcome.ADDED, customer);
        }
        if (chatLink) {
            var merge = merges.mergeProvenByCustomer(
                    customer, owner.get(), "The chat visitor opened the link mailed to the address she typed");
            customers.addIdentity(merge.target(), kind, value, true, Actor.customer(customer.value()));
            return new Result(Outcome.MERGED, merge.target());
        }
        var merge = merges.completeByCustomer(customer, owner.get());
        if (merge.isPresent()) {
            customers.addIdentity(merge.get().target(), kind, value, true, Actor.customer(customer.value()));
            return new Result(Outcome.MERGED, merge.get().target());
        }
        return new Result(Outcome.ELSEWHERE, customer);
    }
}
