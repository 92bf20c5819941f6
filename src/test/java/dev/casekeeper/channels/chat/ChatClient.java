package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat client on the JDK's WebSocket: sends frames, and keeps what the server sends in order, so
 * tests wait for the frame they expect. The widget's side or the agent's (with a session cookie).
 */
final class ChatClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private ChatClient() {}

    /** The widget's socket, as a page of the given origin opens it (null sends no Origin). */
    static ChatClient customer(int port, @Nullable String origin) {
        return connect(URI.create("ws://localhost:" + port + "/chat/ws"), origin, null);
    }

    /** The widget's socket through a proxy in front of Casekeeper, which says whom it forwards for. */
    static ChatClient customerFrom(int port, String origin, String forwardedFor) {
        return connect(URI.create("ws://localhost:" + port + "/chat/ws"), origin, null, forwardedFor);
    }

    static ChatClient agent(int port, long caseNumber, String cookie) {
        return connect(
                URI.create("ws://localhost:" + port + "/chat/agent/ws?case=" + caseNumber),
                "http://localhost:" + port,
                cookie);
    }

    /** The handshake's refusal, as the HTTP status the server answered (0 when it was accepted). */
    static int refusal(URI uri, @Nullable String origin, @Nullable String cookie) {
        try (var client = connect(uri, origin, cookie)) {
            return 0;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static ChatClient connect(URI uri, @Nullable String origin, @Nullable String cookie) {
        return connect(uri, origin, cookie, null);
    }

    private static ChatClient connect(
            URI uri, @Nullable String origin, @Nullable String cookie, @Nullable String forwardedFor) {
        var client = new ChatClient();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    /** Signs in through the sign-in form and answers the session cookie, for the agent's socket. */
    static String signIn(int port, String email, String password) {
        try {
            var cookies = new CookieManager();
            var http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            var login = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var csrf = CSRF.matcher(login.body());
            assertThat(csrf.find()).isTrue();
            String form = Map.of("email", email, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var signedIn = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            return cookies.getCookieStore().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ChatClient send(Map<String, ?> frame) {
        socket.sendText(JSON.writeValueAsString(frame), true).join();
        return this;
    }

    ChatClient sendRaw(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** The next frame of this type that matches, skipping (but keeping in {@link #seen}) the others. */
    JsonNode next(String type, Predicate<JsonNode> matching) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try {
            while (System.nanoTime() < until) {
                var frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                seen.add(frame);
                if (type.equals(frame.path("type").asString("")) && matching.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + type + " frame came; saw " + seen);
    }

    JsonNode next(String type) {
        return next(type, f -> true);
    }

    /** The next frame of any of these types. */
    JsonNode nextOf(String... types) {
        var wanted = java.util.Set.of(types);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try {
            while (System.nanoTime() < until) {
                var frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    seen.add(frame);
                    if (wanted.contains(frame.path("type").asString(""))) {
                        return frame;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no frame of " + wanted + " came; saw " + seen);
    }

    /** Every frame received so far (waits a moment for stragglers). */
    List<JsonNode> drain() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        frames.drainTo(seen);
        return List.copyOf(seen);
    }

    boolean closed() {
        return socket.isInputClosed();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        frames.add(JSON.createObjectNode().put("type", "closed").put("code", statusCode));
        return CompletableFuture.completedFuture(null);
    }

    /** Drops the connection as a network would: no goodbye. */
    void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .exceptionally(e -> null)
                    .join();
        }
        socket.abort();
    }
}
