package dev.casekeeper.portal;

import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.Identity;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing a customer in without a password. Asked for an address, it mails a six-digit code and a
 * one-time link when the address is an email identity of a customer, and does nothing else that
 * could tell a known address from an unknown one: the caller shows the same page either way. A
 * code or link is good once, for {@code casekeeper.portal.code-lifetime}, and a few wrong codes
 * wear an address's codes out. Signing in proves the customer holds the address: it is marked
 * verified. The mail is in the customer's declared language, else the browser's.
 *
 * <p>Codes go out through the {@link CodeChannel} of the identity's kind. An email identity of the
 * record may be asked for a code (the desk already writes to the customer there, and the code
 * verifies it); a phone number only once it is verified, because agents type phone numbers in and
 * a code read to a wrong number would open someone else's requests. A phone's code goes out as a
 * text message ({@link PhoneCodes}).
 */
@Service
@Transactional
class PortalSignIn {

    private static final Logger log = LoggerFactory.getLogger(PortalSignIn.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CODE = Pattern.compile("^\\d{6}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInCodes codes;
    private final PortalLimits limits;
    private final Map<IdentityKind, CodeChannel> channels;
    private final CustomerManagement customers;
    private final PortalLanguages languages;
    private final PortalSettings settings;
    private final Clock clock;

    PortalSignIn(
            SignInCodes codes,
            PortalLimits limits,
            List<CodeChannel> channels,
            CustomerManagement customers,
            PortalLanguages languages,
            PortalSettings settings,
            Clock clock) {
        this.codes = codes;
        this.limits = limits;
        this.channels = new EnumMap<>(IdentityKind.class);
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.customers = customers;
        this.languages = languages;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Mails a code and link to the address if a customer has it; the normal form of the address.
     *
     * @throws InvalidInputException when the address is blank or not an email address
     * @throws RateLimited when the client or the address asked too often
     */
    String request(String email, String client, Locale locale) {
        return request(IdentityKind.EMAIL, email, client, locale);
    }

    /**
     * Sends a sign-in code through the identity if a customer has it and it may sign in; the normal
     * form of the identity. The same for an identity nobody has.
     *
     * @throws InvalidInputException when the value is not one of its kind, or no channel reaches that kind
     * @throws RateLimited when the client or the identity asked too often
     */
    String request(IdentityKind kind, String value, String client, Locale locale) {
        var channel = channels.get(kind);
        if (channel == null) {
            throw new InvalidInputException(kind.value(), "signing in by " + kind.value() + " is not possible yet");
        }
        String normal = normal(kind, value);
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        limits.mailTo(normal).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        var customer = customers.findByIdentity(kind, normal);
        if (customer.isEmpty() || !signsIn(customer.get(), kind, normal)) {
            log.info("Portal sign-in asked for an identity that does not sign in");
            return normal;
        }
        String code = sixDigits();
        String link = token();
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        codes.insert(
                id,
                SignInCodes.Purpose.SIGN_IN,
                customer.get().id().value(),
                kind,
                normal,
                codeDigest(id, code),
                digest(link),
                now,
                now.plus(settings.codeLifetime()));
        channel.sendAfterCommit(
                normal,
                SignInCodes.Purpose.SIGN_IN,
                code,
                link,
                languages.of(customer.get().id(), locale));
        log.info(
                "Portal sign-in code {} sent to customer {}",
                id,
                customer.get().id().value());
        return normal;
    }

    /**
     * A sign-in code for one of the customer's identities, to be given to her some other way than its
     * identity (read out on a call), good for {@code lifetime}. Only the code's digest is kept; the code is returned once.
     */
    Issued issue(CustomerId customer, IdentityKind kind, String normal, java.time.Duration lifetime) {
        String code = sixDigits();
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        codes.insert(
                id,
                SignInCodes.Purpose.SIGN_IN,
                customer.value(),
                kind,
                normal,
                codeDigest(id, code),
                digest(token()),
                now,
                now.plus(lifetime));
        log.info("Portal sign-in code {} issued for customer {}", id, customer.value());
        return new Issued(code, now.plus(lifetime));
    }

    /** A code issued to be given some other way: its six digits, and until when it is good. */
    record Issued(String code, Instant expiresAt) {}

    /** An email identity signs in (the code verifies it); a phone only once verified. */
    private static boolean signsIn(Customer customer, IdentityKind kind, String value) {
        return customer.identities().stream()
                .anyMatch(i ->
                        i.kind() == kind && i.value().equals(value) && (kind == IdentityKind.EMAIL || i.verified()));
    }

    /**
     * Signs in with the code mailed to the address; empty when the code is wrong, spent or expired.
     *
     * @throws InvalidInputException when the code is not six digits (it is not counted as a guess)
     * @throws RateLimited when the client tried too often
     */
    Optional<PortalCustomer> withCode(String email, String code, String client) {
        return withCode(IdentityKind.EMAIL, email, code, client);
    }

    /**
     * Signs in with the code sent through the identity (an email address, a phone number); empty
     * when the code is wrong, spent or expired.
     *
     * @throws InvalidInputException when the code is not six digits, or the value not one of its kind
     * @throws RateLimited when the client tried too often
     */
    Optional<PortalCustomer> withCode(IdentityKind kind, String value, String code, String client) {
        String address = normal(kind, value);
        String digits = code.replaceAll("\\s", "");
        if (!CODE.matcher(digits).matches()) {
            throw new InvalidInputException("code", "the code is six digits");
        }
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        Instant now = clock.instant();
        for (var live : codes.live(kind, address, settings.codeAttempts(), now)) {
            if (MessageDigest.isEqual(
                    codeDigest(live.id(), digits).getBytes(StandardCharsets.US_ASCII),
                    live.codeDigest().getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(signIn(live, now));
            }
        }
        codes.wrongCode(kind, address, now);
        return Optional.empty();
    }

    /** Signs in with the one-time link; empty when it is unknown, spent or expired. */
    Optional<PortalCustomer> withLink(String token, String client) {
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        Instant now = clock.instant();
        return codes.byLink(SignInCodes.Purpose.SIGN_IN, digest(token.strip()), now)
                .map(live -> signIn(live, now));
    }

    private PortalCustomer signIn(SignInCodes.Live live, Instant now) {
        codes.spend(SignInCodes.Purpose.SIGN_IN, live.kind(), live.value(), now);
        var customer = customers.findByIdentity(live.kind(), live.value());
        if (customer.isEmpty() || !customer.get().id().value().equals(live.customerId())) {
            // The address moved to another customer (a merge) after the code was sent: no sign-in on it.
            throw new InvalidInputException("code", "the code is no longer good");
        }
        boolean verified = customer.get().identities().stream()
                .filter(i -> i.kind() == live.kind() && i.value().equals(live.value()))
                .anyMatch(Identity::verified);
        if (!verified) {
            customers.addIdentity(
                    customer.get().id(), live.kind(), live.value(), true, Actor.customer(live.customerId()));
        }
        log.info("Customer {} signed in to the portal with code {}", live.customerId(), live.id());
        return new PortalCustomer(live.customerId(), live.email());
    }

    /** The normal form of an address, as the customers keep it. */
    static String address(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            throw new InvalidInputException("email", "enter your email address");
        }
        if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
            throw new InvalidInputException("email", "this is not an email address");
        }
        return address;
    }

    /** The normal form of an identity as the customers keep it; refused when it is not one. */
    static String normal(IdentityKind kind, String value) {
        if (kind == IdentityKind.EMAIL) {
            return address(value);
        }
        String phone = value.strip().replaceAll("[^0-9+]", "");
        if (kind != IdentityKind.PHONE || phone.replace("+", "").length() < 5) {
            throw new InvalidInputException(kind.value(), "this is not a phone number");
        }
        return phone;
    }

    /** A random token for a one-time link. */
    static String token() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Six random digits. */
    static String sixDigits() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    static String codeDigest(UUID id, String code) {
        return digest(id + ":" + code);
    }

    static String digest(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
