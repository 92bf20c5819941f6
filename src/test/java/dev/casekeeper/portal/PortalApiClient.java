package dev.casekeeper.portal;

import dev.casekeeper.support.Api;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the customer API as an app would be: JSON in and out, the session in a cookie, and the
 * session's CSRF token (from {@code GET /api/portal/v1/csrf}) sent with every write.
 */
final class PortalApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;
    private @Nullable String csrf;
    private boolean sendsCsrf = true;
    private final Map<String, String> headers = new LinkedHashMap<>();

    PortalApiClient(int port, String fromAddress) {
        this.base = "http://localhost:" + port;
        try {
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .localAddress(InetAddress.getByName(fromAddress))
                    .build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(fromAddress, e);
        }
    }

    /** Writes without the CSRF token from now on, as a page of another site would. */
    PortalApiClient withoutCsrf() {
        sendsCsrf = false;
        return this;
    }

    PortalApiClient with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    Api.Response get(String path) {
        return send("GET", path, null);
    }

    Api.Response post(String path, @Nullable Object body) {
        return send("POST", path, body);
    }

    Api.Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** A multipart form with the text in {@code body} and one file in {@code files}. */
    Api.Response postFile(String path, String body, String filename, byte[] content) {
        if (sendsCsrf && csrf == null) {
            csrf = exchange("GET", "/api/portal/v1/csrf", null)
                    .json()
                    .get("token")
                    .asString();
        }
        String boundary = "----portalapi" + java.util.UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + body + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (sendsCsrf && csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException("request failed", e);
        }
    }

    /** The status of a download. */
    int downloadStatus(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("request failed", e);
        }
    }

    Api.Response send(String method, String path, @Nullable Object body) {
        if (!method.equals("GET") && sendsCsrf && csrf == null) {
            csrf = exchange("GET", "/api/portal/v1/csrf", null)
                    .json()
                    .get("token")
                    .asString();
        }
        return exchange(method, path, body);
    }

    private Api.Response exchange(String method, String path, @Nullable Object body) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!method.equals("GET") && sendsCsrf && csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        headers.forEach(request::header);
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException("request failed", e);
        }
    }
}
