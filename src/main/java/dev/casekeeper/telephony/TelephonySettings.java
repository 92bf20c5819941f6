package dev.casekeeper.telephony;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Telephony settings ({@code casekeeper.telephony.*}).
 *
 * @param secretKey base64 of 32 random bytes; seals the integrations' secrets (AES-256-GCM). Without
 *     it no integration can be created
 * @param replayWindow how far a signed event's timestamp may be from now, either way
 * @param publicUrl the address phone systems reach Casekeeper at ({@code https://desk.example.com});
 *     Twilio signs the URL it called, which a proxy may hide. Unset: the request's own URL
 * @param defaultOfferCallbackAfter the estimated wait past which an IVR is told to offer a callback,
 *     for a team without a setting of its own
 */
@ConfigurationProperties("casekeeper.telephony")
public record TelephonySettings(
        @Nullable String secretKey,
        @DefaultValue("5m") Duration replayWindow,
        @Nullable String publicUrl,
        @DefaultValue("5m") Duration defaultOfferCallbackAfter) {

    public TelephonySettings {
        if (!replayWindow.isPositive() || !defaultOfferCallbackAfter.isPositive()) {
            throw new IllegalArgumentException("casekeeper.telephony durations must be positive");
        }
    }
}
