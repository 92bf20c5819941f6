package dev.casekeeper.channels.email;

import dev.casekeeper.shared.SealedSecrets;
import org.springframework.stereotype.Component;

/**
 * Encrypts mailbox passwords with AES-256-GCM under the key from {@code casekeeper.mail.secret-key}.
 * Each ciphertext is bound to its mailbox and field (associated data), so a value copied into
 * another row or column does not decrypt. Without a key nothing can be encrypted, and callers refuse
 * to store a secret rather than keep it in clear.
 */
@Component
class SecretBox {

    private final SealedSecrets sealed;

    SecretBox(MailSettings settings) {
        this.sealed = SealedSecrets.underKeyFrom("casekeeper.mail.secret-key", settings.secretKey());
    }

    boolean canEncrypt() {
        return sealed.canSeal();
    }

    String encrypt(String secret, String context) {
        return sealed.seal(secret, context);
    }

    /** The secret; fails with a readable reason when there is no key or it is not the key that sealed it. */
    String decrypt(String value, String context) {
        if (!sealed.canSeal()) {
            throw new SecretUnavailableException("no casekeeper.mail.secret-key is configured");
        }
        return sealed.open(value, context)
                .orElseThrow(() -> new SecretUnavailableException(
                        "the stored password does not decrypt with the configured casekeeper.mail.secret-key; "
                                + "was the key changed? Enter the password again"));
    }

    /** A stored secret that cannot be read back. */
    static final class SecretUnavailableException extends RuntimeException {
        SecretUnavailableException(String message) {
            super(message);
        }
    }
}
