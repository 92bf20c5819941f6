package dev.casekeeper.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the running application: sends JSON, reads JSON, never hides a status.
 * Each {@link Api} speaks as one caller (a bearer token, basic credentials, or nobody).
 */
public final class Api {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private final String base;
    private final Map<String, String> headers;

    private Api(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, Map.of());
    }

    public Api withToken(String token) {
        return with("Authorization", "Bearer " + token);
    }

    public Api withBasic(String email, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return with("Authorization", "Basic " + credentials);
    }

    public Api with(String header, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(header, value);
        return new Api(base, copy);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, @Nullable Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, @Nullable Object body) {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(request::header);
        if (body != null) {
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** A response: status, raw body, and the body as JSON when it is JSON. */
    public record Response(int status, String text, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return json.readTree(text);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse("");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
