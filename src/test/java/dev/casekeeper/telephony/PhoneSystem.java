package dev.casekeeper.telephony;

import dev.casekeeper.support.Api;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A phone system in the tests: sends call events to Casekeeper over real HTTP, signed as
 * docs/phone.md says, with the time of the application's clock.
 */
public final class PhoneSystem {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String integrationId;
    private final String secret;
    private final Supplier<Instant> clock;

    PhoneSystem(int port, String integrationId, String secret, Supplier<Instant> clock) {
        this.port = port;
        this.integrationId = integrationId;
        this.secret = secret;
        this.clock = clock;
    }

    /** A new signed integration for the team, made by the admin. */
    public static PhoneSystem signedFor(Api admin, int port, UUID team, Supplier<Instant> clock) {
        var created = admin.post(
                "/api/v1/telephony/integrations",
                Map.of("name", "PBX " + UUID.randomUUID(), "kind", "signed", "teamId", team));
        if (created.status() != 201) {
            throw new IllegalStateException(created.toString());
        }
        return new PhoneSystem(
                port,
                created.json().get("id").asString(),
                created.json().get("secret").asString(),
                clock);
    }

    public static String newNumber() {
        return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    public static Map<String, Object> event(String type, String callId, Object... more) {
        var event = new LinkedHashMap<String, Object>();
        event.put("eventId", "evt-" + UUID.randomUUID());
        event.put("callId", callId);
        event.put("type", type);
        for (int i = 0; i < more.length; i += 2) {
            event.put((String) more[i], more[i + 1]);
        }
        return event;
    }

    public Api.Response send(Map<String, Object> event) {
        return send(JSON.writeValueAsString(event), clock.get().getEpochSecond(), null);
    }

    /** The event signed at another time (seconds since the epoch). */
    Api.Response sendSignedAt(Map<String, Object> event, long timestamp) {
        return send(JSON.writeValueAsString(event), timestamp, null);
    }

    /** The event with a signature of the caller's. */
    Api.Response sendWithSignature(Map<String, Object> event, String signature) {
        return send(JSON.writeValueAsString(event), clock.get().getEpochSecond(), signature);
    }

    /** This integration's signature of a body at a time. */
    String signature(String body, long timestamp) {
        return "v1="
                + HexFormat.of()
                        .formatHex(SignedWebhookAdapter.sign(
                                secret, Long.toString(timestamp), body.getBytes(StandardCharsets.UTF_8)));
    }

    Api.Response send(String body, long timestamp, @Nullable String signature) {
        var ts = Long.toString(timestamp);
        var sig = signature != null
                ? signature
                : "v1="
                        + HexFormat.of()
                                .formatHex(
                                        SignedWebhookAdapter.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)));
        return call(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/telephony/events"))
                .header("Content-Type", "application/json")
                .header(SignedWebhookAdapter.INTEGRATION, integrationId)
                .header(SignedWebhookAdapter.TIMESTAMP, ts)
                .header(SignedWebhookAdapter.SIGNATURE, sig)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The IVR asks where the call stands in its queue. */
    Api.Response queue(String callId) {
        var path = "/api/v1/telephony/calls/" + callId + "/queue";
        var ts = Long.toString(clock.get().getEpochSecond());
        var sig = "v1="
                + HexFormat.of()
                        .formatHex(SignedWebhookAdapter.sign(secret, ts, path.getBytes(StandardCharsets.UTF_8)));
        return call(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(SignedWebhookAdapter.INTEGRATION, integrationId)
                .header(SignedWebhookAdapter.TIMESTAMP, ts)
                .header(SignedWebhookAdapter.SIGNATURE, sig)
                .GET());
    }

    /** A form-encoded POST as Twilio sends it, to the given path, with the given X-Twilio-Signature. */
    static Api.Response twilio(int port, String path, Map<String, String> params, String signature) {
        var body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TwilioAdapter.SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Map<String, List<String>> form(Map<String, String> params) {
        return params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    private static Api.Response call(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
