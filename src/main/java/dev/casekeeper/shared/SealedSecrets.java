package dev.casekeeper.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Secrets Casekeeper must read back (a mailbox password, a phone integration's signing secret), kept
 * sealed with AES-256-GCM under a key from a setting. Each sealed value is bound to a context (its
 * row and field, as associated data), so a value copied into another row or column does not open.
 * Secrets only checked, never read back (passwords, tokens), are hashed instead.
 */
public final class SealedSecrets {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String setting;
    private final @Nullable SecretKey key;

    private SealedSecrets(String setting, @Nullable SecretKey key) {
        this.setting = setting;
        this.key = key;
    }

    /**
     * The secrets sealed under the key in this setting (32 bytes in base64); without a key nothing
     * can be sealed or opened. A key that is not 32 bytes of base64 stops the start with a message
     * that names the setting.
     */
    public static SealedSecrets underKeyFrom(String setting, @Nullable String base64Key) {
        return new SealedSecrets(setting, base64Key == null || base64Key.isBlank() ? null : parse(setting, base64Key));
    }

    public boolean canSeal() {
        return key != null;
    }

    /** The secret sealed for this context; only with a key ({@link #canSeal()}). */
    public String seal(String secret, String context) {
        if (key == null) {
            throw new IllegalStateException("No " + setting + " is configured");
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
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

    /**
     * The secret, or empty when it cannot be opened: no key, another key, another context, a value
     * tampered with or in an unknown format.
     */
    public Optional<String> open(String sealed, String context) {
        if (key == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return Optional.of(
                    new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** A new random secret to hand out (32 bytes, base64url without padding). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static SecretKey parse(String setting, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be base64 (generate one with: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes in base64, not " + bytes.length
                    + " (generate one with: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
