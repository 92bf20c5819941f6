package dev.casekeeper.actions;

import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.SealedSecrets;
import dev.casekeeper.webhooks.WebhookSettings;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The signing secrets of the action types' endpoints: made here, shown to the admin once, kept sealed
 * under {@code casekeeper.webhooks.secret-key} like the webhooks' (they must be read back to sign).
 */
@Component
class ActionSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SealedSecrets sealed;

    ActionSecrets(WebhookSettings settings) {
        this.sealed = SealedSecrets.underKeyFrom("casekeeper.webhooks.secret-key", settings.secretKey());
    }

    /** A new secret for a type's endpoint, refused when there is no key to seal it under. */
    String newSecret() {
        if (!sealed.canSeal()) {
            throw new ConflictException(
                    "no-secret-key",
                    "Set casekeeper.webhooks.secret-key (openssl rand -base64 32) before connecting an action to a system");
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "ckact_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(String secret, UUID type) {
        return sealed.seal(secret, context(type));
    }

    Optional<String> open(String value, UUID type) {
        return sealed.open(value, context(type));
    }

    private static String context(UUID type) {
        return "actions.type.secret:" + type;
    }
}
