package dev.casekeeper.telephony;

import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.SealedSecrets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seals integration secrets with AES-256-GCM under {@code casekeeper.telephony.secret-key}. A
 * signature can only be checked with the secret itself, so it is kept encrypted rather than hashed;
 * each sealed value is bound to its integration (associated data), so one copied into another row
 * does not open.
 */
@Component
class SecretSeal {

    private final SealedSecrets sealed;

    SecretSeal(TelephonySettings settings) {
        this.sealed = SealedSecrets.underKeyFrom("casekeeper.telephony.secret-key", settings.secretKey());
    }

    /** A new secret for an integration: 32 random bytes, base64url. */
    String newSecret() {
        return SealedSecrets.newSecret();
    }

    String seal(String secret, String context) {
        if (!sealed.canSeal()) {
            throw new ConflictException(
                    "no-secret-key",
                    "Set casekeeper.telephony.secret-key (openssl rand -base64 32) before adding a phone integration");
        }
        return sealed.seal(secret, context);
    }

    /** The secret, or empty when it cannot be opened (no key, another key): every signature then fails. */
    Optional<String> open(String value, String context) {
        return sealed.open(value, context);
    }
}
