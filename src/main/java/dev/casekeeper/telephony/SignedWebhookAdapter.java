package dev.casekeeper.telephony;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.casekeeper.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Casekeeper's own call webhook ({@code docs/phone.md}): a JSON event, the integration in
 * {@code Casekeeper-Integration}, the Unix time in {@code Casekeeper-Timestamp}, and in
 * {@code Casekeeper-Signature} {@code v1=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}
 * under the integration's secret. A timestamp outside the replay window is refused even with a good
 * signature, so a captured request cannot be sent again later.
 */
@Component
class SignedWebhookAdapter implements PhoneSystemAdapter {

    static final String KIND = "signed";
    static final String INTEGRATION = "Casekeeper-Integration";
    static final String TIMESTAMP = "Casekeeper-Timestamp";
    static final String SIGNATURE = "Casekeeper-Signature";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(
            @Nullable String eventId,
            @Nullable String callId,
            @Nullable String type,
            @Nullable Instant occurredAt,
            @Nullable String from,
            @Nullable String to,
            @Nullable UUID teamId,
            @Nullable String reason,
            @Nullable String summary,
            @Nullable Integer durationSeconds,
            @Nullable Integer holdSeconds,
            @Nullable String recordingUrl,
            @Nullable String hungUpBy) {}

    private final JsonMapper json;
    private final Duration window;

    SignedWebhookAdapter(JsonMapper json, TelephonySettings settings) {
        this.json = json;
        this.window = settings.replayWindow();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public @Nullable String integrationId(InboundRequest request) {
        return request.header(INTEGRATION);
    }

    @Override
    public void verify(InboundRequest request, String secret, Instant now) {
        var timestamp = request.header(TIMESTAMP);
        var signature = request.header(SIGNATURE);
        if (timestamp == null || signature == null || !signature.startsWith("v1=")) {
            throw WebhookRefused.badSignature();
        }
        byte[] expected = sign(secret, timestamp, request.body());
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(3).strip());
        } catch (IllegalArgumentException e) {
            throw WebhookRefused.badSignature();
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw WebhookRefused.badSignature();
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw WebhookRefused.badSignature();
        }
        var sent = Instant.ofEpochSecond(seconds);
        if (Duration.between(sent, now).abs().compareTo(window) > 0) {
            throw new WebhookRefused(
                    401,
                    "stale-timestamp",
                    "The request's timestamp " + sent + " is more than " + window.toSeconds()
                            + " s from the server's time " + now.getEpochSecond()
                            + ": sign it again with the time now");
        }
    }

    /** HMAC-SHA256 of {@code timestamp + "." + body} under the secret's UTF-8 bytes. */
    static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public List<CallEvent> events(InboundRequest request) {
        Body body;
        try {
            body = json.readValue(request.body(), Body.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "is not a call event in JSON (see docs/phone.md)");
        }
        if (body == null) {
            throw new InvalidInputException("body", "is empty");
        }
        var eventId = required(body.eventId(), "eventId", 200);
        var callId = required(body.callId(), "callId", 200);
        var type = CallEventType.from(required(body.type(), "type", 20));
        if (type == CallEventType.RINGING) {
            required(body.from(), "from", 40);
        }
        if (type == CallEventType.TRANSFERRED && body.teamId() == null) {
            throw new InvalidInputException("teamId", "a transferred call names the team it goes to");
        }
        nonNegative(body.durationSeconds(), "durationSeconds");
        nonNegative(body.holdSeconds(), "holdSeconds");
        if (body.hungUpBy() != null && !List.of("customer", "agent", "system").contains(body.hungUpBy())) {
            throw new InvalidInputException("hungUpBy", "must be customer, agent or system");
        }
        if (body.recordingUrl() != null && !body.recordingUrl().matches("^https?://\\S{1,2000}$")) {
            throw new InvalidInputException("recordingUrl", "must be an http or https URL");
        }
        return List.of(new CallEvent(
                eventId,
                callId,
                type,
                body.occurredAt(),
                body.from(),
                body.to(),
                body.teamId(),
                body.reason(),
                body.summary(),
                body.durationSeconds(),
                body.holdSeconds(),
                body.recordingUrl(),
                body.hungUpBy(),
                new String(request.body(), StandardCharsets.UTF_8)));
    }

    private static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
        return value.strip();
    }

    private static void nonNegative(@Nullable Integer value, String field) {
        if (value != null && value < 0) {
            throw new InvalidInputException(field, "must not be negative");
        }
    }
}
