package dev.casekeeper.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * A browser without the browser: real HTTP with a cookie jar, so it holds a session; forms are
 * posted with the CSRF token of the last page it loaded, as a browser posts the form it shows.
 * Redirects are not followed, so tests see them.
 */
public final class WebSession {

    private final String base;
    private final HttpClient http;
    private @Nullable String csrf;

    private WebSession(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    private WebSession(int port, @Nullable InetAddress from) {
        this.base = "http://localhost:" + port;
        var builder =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER);
        if (from != null) {
            builder.localAddress(from);
        }
        this.http = builder.build();
    }

    public static WebSession anonymous(int port) {
        return new WebSession(port, null);
    }

    /** A local address of this machine few other tests use, for a client of its own (all of 127.0.0.0/8 is local). */
    public static String aLocalAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(2, 255);
    }

    /** A session whose requests come from this local address (127.0.0.0/8 all reaches this machine). */
    public static WebSession from(int port, String address) {
        try {
            return new WebSession(port, InetAddress.getByName(address));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** The same browser, cookies and all, talking to another node. */
    public WebSession onPort(int otherPort) {
        return new WebSession("http://localhost:" + otherPort, http);
    }

    /**
     * Opens a Server-Sent Events stream as {@code EventSource} does; each event arrives in the
     * queue as its name and data ({@code "case {\"number\":1042}"}).
     */
    public BlockingQueue<String> events(String path) {
        var events = new LinkedBlockingQueue<String>();
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                events.add("status " + response.statusCode());
                return;
            }
            Thread.ofVirtual().start(() -> {
                String name = "message";
                for (var iterator = response.body().iterator(); iterator.hasNext(); ) {
                    String line = iterator.next();
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        events.add(name + " " + line.substring(5).strip());
                        name = "message";
                    }
                }
            });
        });
        return events;
    }

    /** Signs in through the form and checks that it worked. */
    public WebSession signIn(String email, String password) {
        var result = tryToSignIn(email, password);
        assertThat(result.location()).as("sign-in of " + email + ": " + result).endsWith("/");
        return this;
    }

    /** Posts the sign-in form; the response is the redirect it answers with. */
    public Page tryToSignIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    /** A request with headers of its own, such as the live event stream's {@code Accept}. */
    public Page get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** A partial page request as htmx sends it. */
    public Page getPart(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of("HX-Request", "true"));
    }

    /** Posts a form with the CSRF token of the last page. */
    public Page post(String path, Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        if (csrf != null && !fields.containsKey("_csrf")) {
            fields.put("_csrf", csrf);
        }
        return postRaw(path, fields, Map.of());
    }

    /** Posts a form with the CSRF token of the last page and headers of its own, such as {@code Accept-Language}. */
    public Page post(String path, Map<String, String> form, Map<String, String> headers) {
        var fields = new LinkedHashMap<>(form);
        if (csrf != null && !fields.containsKey("_csrf")) {
            fields.put("_csrf", csrf);
        }
        return postRaw(path, fields, headers);
    }

    /** Posts a form as htmx does: the CSRF token in a header, asking for the part of the page it replaces. */
    public Page postPart(String path, Map<String, String> form) {
        return postRaw(
                path,
                form,
                csrf == null ? Map.of("HX-Request", "true") : Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf));
    }

    /** Posts exactly these fields and headers, with no token added. */
    public Page postRaw(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers);
    }

    /** A file in a multipart form: its name and bytes (the browser's declared type is not sent). */
    public record Upload(String field, String filename, byte[] content) {}

    /** Posts a multipart form, as a form with a file field does, with the CSRF token of the last page. */
    public Page postFiles(String path, Map<String, String> form, java.util.List<Upload> files) {
        String boundary = "----casekeeper" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        var fields = new LinkedHashMap<>(form);
        if (csrf != null && !fields.containsKey("_csrf")) {
            fields.put("_csrf", csrf);
        }
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        for (var file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                            + "\"; filename=\"" + file.filename()
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(request, Map.of());
    }

    /** The raw bytes and headers of a download. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("request failed", e);
        }
    }

    private Page send(HttpRequest.Builder request, Map<String, String> headers) {
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "text/html,application/xhtml+xml");
        }
        headers.forEach(request::header);
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var page = new Page(
                    response.statusCode(), response.body(), response.headers().map());
            String token = page.csrfToken();
            if (token != null) {
                csrf = token;
            }
            return page;
        } catch (Exception e) {
            throw new IllegalStateException("request failed", e);
        }
    }

    /** A response: status, body, headers, and the body as HTML. */
    public record Page(int status, String body, Map<String, List<String>> headers) {

        public Document html() {
            return Jsoup.parse(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse("");
        }

        public String location() {
            return header("Location");
        }

        /** The visible text of the page, whitespace collapsed. */
        public String text() {
            return html().text();
        }

        @Nullable
        String csrfToken() {
            if (!body.contains("_csrf") && !body.contains("csrf-token")) {
                return null;
            }
            var html = html();
            var meta = html.selectFirst("meta[name=csrf-token]");
            if (meta != null) {
                return meta.attr("content");
            }
            var input = html.selectFirst("input[name=_csrf]");
            return input == null ? null : input.attr("value");
        }

        @Override
        public String toString() {
            return status + " " + (location().isEmpty() ? "" : "-> " + location() + " ")
                    + text().substring(0, Math.min(300, text().length()));
        }
    }
}
