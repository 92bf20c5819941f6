package dev.casekeeper.channels.email;

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
 * Encrypts mailbox passwords with AES-256-GCM under the key from {@code casekeeper.mail.secret-key}.
 * Each ciphertext is bound to its mailbox and field (associated data), so a value copied into
 * another row or column does not decrypt. Without a key nothing can be encrypted, and callers refuse
 * to store a secret rather than keep it in clear.
 */
@Component
class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final @Nullable SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(MailSettings settings) {
        this.key = settings.secretKey() == null || settings.secretKey().isBlank() ? null : parse(settings.secretKey());
    }

    boolean canEncrypt() {
        return key != null;
    }

    String encrypt(String secret, String context) {
        if (key == null) {
            throw new IllegalStateException("No casekeeper.mail.secret-key is configured");
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

    /** The secret; fails with a readable reason when there is no key or it is not the key that sealed it. */
    String decrypt(String sealed, String context) {
        if (key == null) {
            throw new SecretUnavailableException("no casekeeper.mail.secret-key is configured");
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new SecretUnavailableException("the stored password is in an unknown format");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretUnavailableException(
                    "the stored password does not decrypt with the configured casekeeper.mail.secret-key; "
                            + "was the key changed? Enter the password again");
        }
    }

    private static SecretKey parse(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "casekeeper.mail.secret-key must be base64 (generate one with: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("casekeeper.mail.secret-key must be 32 bytes in base64, not " + bytes.length
                    + " (generate one with: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A stored secret that cannot be read back. */
    static final class SecretUnavailableException extends RuntimeException {
        SecretUnavailableException(String message) {
            super(message);
        }
    }
}
