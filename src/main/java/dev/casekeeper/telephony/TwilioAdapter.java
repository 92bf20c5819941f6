package dev.casekeeper.telephony;

import dev.casekeeper.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's voice status callbacks. Twilio signs each request in {@code X-Twilio-Signature}: the
 * base64 HMAC-SHA1, under the account's Auth Token (the integration's secret), of the full URL it
 * called followed by every POST parameter's name and value, sorted by name. It signs no timestamp,
 * so a replayed request is caught by its event id ({@code CallSid:CallStatus}), which changes
 * nothing the second time. {@code CallStatus} maps to the call events: {@code ringing} and
 * {@code queued} ring, {@code in-progress} is answered, {@code completed}, {@code busy},
 * {@code no-answer}, {@code canceled} and {@code failed} end the call; Twilio reports no holds or
 * transfers in status callbacks.
 */
@Component
class TwilioAdapter implements PhoneSystemAdapter {

    static final String KIND = "twilio";
    static final String SIGNATURE = "X-Twilio-Signature";

    private final JsonMapper json;

    TwilioAdapter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public @Nullable String integrationId(InboundRequest request) {
        return request.integrationId();
    }

    @Override
    public void verify(InboundRequest request, String secret, Instant now) {
        var given = request.header(SIGNATURE);
        if (given == null) {
            throw WebhookRefused.badSignature();
        }
        var expected = signature(secret, request.url(), request.form());
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRefused.badSignature();
        }
    }

    /** Twilio's signature of a request: base64 HMAC-SHA1 of the URL and the sorted parameters' names and values. */
    static String signature(String authToken, String url, Map<String, List<String>> params) {
        var data = new StringBuilder(url);
        new TreeMap<>(params)
                .forEach((name, values) -> values.stream()
                        .sorted()
                        .forEach(value -> data.append(name).append(value)));
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    @Override
    public List<CallEvent> events(InboundRequest request) {
        var callSid = first(request, "CallSid");
        var status = first(request, "CallStatus");
        if (callSid == null || status == null) {
            throw new InvalidInputException("CallSid", "a Twilio status callback carries CallSid and CallStatus");
        }
        var type = switch (status.toLowerCase(Locale.ROOT)) {
            case "ringing", "queued" -> CallEventType.RINGING;
            case "in-progress" -> CallEventType.ANSWERED;
            case "completed", "busy", "no-answer", "canceled", "failed" -> CallEventType.ENDED;
            default -> null;
        };
        if (type == null) {
            return List.of();
        }
        var from = first(request, "From");
        if (type == CallEventType.RINGING && from == null) {
            throw new InvalidInputException("From", "a ringing call names its caller");
        }
        var flat = new TreeMap<String, Object>();
        request.form().forEach((k, v) -> flat.put(k, v.size() == 1 ? v.getFirst() : new ArrayList<>(v)));
        return List.of(new CallEvent(
                callSid + ":" + status.toLowerCase(Locale.ROOT),
                callSid,
                type,
                null,
                from,
                first(request, "To"),
                null,
                null,
                null,
                number(first(request, "CallDuration")),
                null,
                first(request, "RecordingUrl"),
                null,
                json.writeValueAsString(flat)));
    }

    private static @Nullable String first(InboundRequest request, String name) {
        var values = request.form().get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank()
                ? null
                : values.getFirst().strip();
    }

    private static @Nullable Integer number(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("CallDuration", "is not a number of seconds");
        }
    }
}
