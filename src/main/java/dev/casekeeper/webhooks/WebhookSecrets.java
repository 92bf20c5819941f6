package dev.casekeeper.webhooks;

import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.SealedSecrets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The subscriptions' signing secrets, sealed under {@code casekeeper.webhooks.secret-key}. */
@Component
class WebhookSecrets {

    private final SealedSecrets sealed;

    WebhookSecrets(WebhookSettings settings) {
        this.sealed = SealedSecrets.underKeyFrom("casekeeper.webhooks.secret-key", settings.secretKey());
    }

    String seal(String secret, String context) {
        if (!sealed.canSeal()) {
            throw new ConflictException(
                    "no-secret-key",
                    "Set casekeeper.webhooks.secret-key (openssl rand -base64 32) before adding a webhook");
        }
        return sealed.seal(secret, context);
    }

    Optional<String> open(String value, String context) {
        return sealed.open(value, context);
    }

    static String context(java.util.UUID subscription) {
        return "webhooks.subscription.secret:" + subscription;
    }
}
