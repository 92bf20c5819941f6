package dev.casekeeper.agents;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes agent passwords with Argon2id, at the cost {@link PasswordHashingSettings} gives. Hashes carry
 * their algorithm's id and cost, so a future change of either still verifies old hashes; bcrypt is
 * accepted for agents imported from elsewhere.
 */
@Component
class Passwords {

    private final PasswordEncoder encoder;

    /** Hash of a password nobody has, checked against when the email is unknown so timing says nothing. */
    private final String decoy;

    Passwords(PasswordHashingSettings hashing) {
        // Salt and hash lengths and parallelism as Spring Security's defaults (16, 32, 1); memory in KiB.
        var argon2 = new Argon2PasswordEncoder(
                16, 32, 1, Math.toIntExact(hashing.memory().toKilobytes()), hashing.iterations());
        this.encoder = new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
        this.decoy = encoder.encode("decoy password that matches no agent");
    }

    private static final SecureRandom random = new SecureRandom();

    /**
     * A new random password: 144 bits, 24 characters that survive copying (letters, digits, - and _).
     * It meets the policy like any other; the few random ones that hold a sequence such as
     * {@code 12345} (about one in a hundred thousand) are drawn again.
     */
    static String generate() {
        while (true) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (PasswordPolicy.refusal(password).isEmpty()) {
                return password;
            }
        }
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void spendTimeOfAFailedCheck(String password) {
        encoder.matches(password, decoy);
    }
}
