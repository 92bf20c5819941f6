package dev.casekeeper.agents;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 codes as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps. A code is
 * taken for the step before, this one and the next (clocks drift), and never for a step at or
 * before the last one accepted.
 */
final class OneTimeCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator TOTP = generator();

    private OneTimeCodes() {}

    /** A new secret: 160 random bits (RFC 4226's recommendation) in base32 without padding. */
    static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The step the code is for, if it is one of the secret's around {@code now} and newer than {@code lastStep}. */
    static OptionalLong matchingStep(String secret, String code, Instant now, long lastStep) {
        String typed = code.replace(" ", "").strip();
        if (!typed.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastStep && codeAt(secret, step).equals(typed)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private static TimeBasedOneTimePasswordGenerator generator() {
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP, 6);
        } catch (Exception e) {
            // Older releases declare NoSuchAlgorithmException; every JDK has HMAC-SHA1.
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    static String codeAt(String secret, long step) {
        var key = new SecretKeySpec(new Base32().decode(secret.toUpperCase(Locale.ROOT)), TOTP.getAlgorithm());
        try {
            return String.format(
                    Locale.ROOT,
                    "%06d",
                    TOTP.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.toSeconds())));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An HMAC-SHA1 key was refused", e);
        }
    }
}
