package dev.casekeeper.telephony;

import dev.casekeeper.shared.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Seals integration secrets with AES-256-GCM under {@code casekeeper.telephony.secret-key}. A
 * signature can only be checked with the secret itself, so it is kept encrypted rather than hashed;
 * each sealed value is bound to its integration (associated data), so one copied into another row
 * does not open.
 */
@Component
class SecretSeal {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final @Nullable SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretSeal(TelephonySettings settings) {
        this.key = settings.secretKey() == null || settings.secretKey().isBlank() ? null : parse(settings.secretKey());
    }

    /** A new secret for an integration: 32 random bytes, base64url. */
    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(String secret, String context) {
        if (key == null) {
            throw new ConflictException(
                    "no-secret-key",
                    "Set casekeeper.telephony.secret-key (openssl rand -base64 32) before adding a phone integration");
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret, or empty when it cannot be opened (no key, another key): every signature then fails. */
    java.util.Optional<String> open(String sealed, String context) {
        if (key == null || !sealed.startsWith(PREFIX)) {
            return java.util.Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return java.util.Optional.of(
                    new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return java.util.Optional.empty();
        }
    }

    private static SecretKey parse(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "casekeeper.telephony.secret-key must be base64 (generate one with: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("casekeeper.telephony.secret-key must be 32 bytes in base64, not "
                    + bytes.length + " (generate one with: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
