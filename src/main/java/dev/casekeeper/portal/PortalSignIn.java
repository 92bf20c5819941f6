package dev.casekeeper.portal;

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
import java.util.HexFormat;
import java.util.Locale;
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
 * verified.
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
    private final SignInMail mail;
    private final CustomerManagement customers;
    private final PortalSettings settings;
    private final Clock clock;

    PortalSignIn(
            SignInCodes codes,
            PortalLimits limits,
            SignInMail mail,
            CustomerManagement customers,
            PortalSettings settings,
            Clock clock) {
        this.codes = codes;
        this.limits = limits;
        this.mail = mail;
        this.customers = customers;
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
        String address = address(email);
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        limits.mailTo(address).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        var customer = customers.findByIdentity(IdentityKind.EMAIL, address);
        if (customer.isEmpty()) {
            log.info("Portal sign-in asked for an address no customer has");
            return address;
        }
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String link = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        codes.insert(
                id,
                customer.get().id().value(),
                address,
                codeDigest(id, code),
                digest(link),
                now,
                now.plus(settings.codeLifetime()));
        mail.sendAfterCommit(address, code, link, locale);
        log.info(
                "Portal sign-in code {} sent to customer {}",
                id,
                customer.get().id().value());
        return address;
    }

    /**
     * Signs in with the code mailed to the address; empty when the code is wrong, spent or expired.
     *
     * @throws InvalidInputException when the code is not six digits (it is not counted as a guess)
     * @throws RateLimited when the client tried too often
     */
    Optional<PortalCustomer> withCode(String email, String code, String client) {
        String address = address(email);
        String digits = code.replaceAll("\\s", "");
        if (!CODE.matcher(digits).matches()) {
            throw new InvalidInputException("code", "the code is six digits");
        }
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        Instant now = clock.instant();
        for (var live : codes.live(address, settings.codeAttempts(), now)) {
            if (MessageDigest.isEqual(
                    codeDigest(live.id(), digits).getBytes(StandardCharsets.US_ASCII),
                    live.codeDigest().getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(signIn(live, now));
            }
        }
        codes.wrongCode(address, now);
        return Optional.empty();
    }

    /** Signs in with the one-time link; empty when it is unknown, spent or expired. */
    Optional<PortalCustomer> withLink(String token, String client) {
        limits.signInFrom(client).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
        Instant now = clock.instant();
        return codes.byLink(digest(token.strip()), now).map(live -> signIn(live, now));
    }

    private PortalCustomer signIn(SignInCodes.Live live, Instant now) {
        codes.spend(live.email(), now);
        var customer = customers.findByIdentity(IdentityKind.EMAIL, live.email());
        if (customer.isEmpty() || !customer.get().id().value().equals(live.customerId())) {
            // The address moved to another customer (a merge) after the code was sent: no sign-in on it.
            throw new InvalidInputException("code", "the code is no longer good");
        }
        boolean verified = customer.get().identities().stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL && i.value().equals(live.email()))
                .anyMatch(Identity::verified);
        if (!verified) {
            customers.addIdentity(
                    customer.get().id(), IdentityKind.EMAIL, live.email(), true, Actor.customer(live.customerId()));
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

    private static String codeDigest(UUID id, String code) {
        return digest(id + ":" + code);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
