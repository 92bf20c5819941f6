package dev.casekeeper.webhooks;

import dev.casekeeper.shared.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * One signed POST to a company's system, the way webhook deliveries go out (docs/webhooks.md): the
 * body as JSON with {@code Casekeeper-Timestamp} and {@code Casekeeper-Signature} ({@link
 * WebhookSignature}), no redirects followed, the first bytes of the answer kept; the receiver's URL
 * rules; and the retry schedule of a failed attempt. Shared by the webhook sender and other modules
 * that call out from an outbox of their own (resolution actions), so every outgoing call is signed,
 * checked and retried alike.
 */
public final class SignedPost {

    private static final int EXCERPT = 1000;
    private static final int MAX_URL = 2000;

    private SignedPost() {}

    /**
     * What one attempt came to: the answer's status (null when none came), how long it took, and the
     * start of the answer or the error.
     */
    public record Attempt(
            Instant at,
            @Nullable Integer status,
            int durationMs,
            @Nullable String detail) {

        /** A {@code 2xx} answer: the receiver took it. */
        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }

        /** The answer's status or the error, for a log line or a person. */
        public String outcome() {
            return status != null ? "HTTP " + status : detail == null ? "no answer" : detail;
        }
    }

    /** An HTTP client for signed posts: follows no redirect, connects within the time-out. */
    public static HttpClient client(Executor executor, Duration timeout) {
        return HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Posts the body signed with the secret at {@code at}; the extra headers name what is sent
     * ({@code User-Agent}, ids). A refused connection or a time-out is an attempt without a status.
     */
    public static Attempt send(
            HttpClient http,
            String url,
            String secret,
            byte[] body,
            Map<String, String> headers,
            Duration timeout,
            Instant at)
            throws InterruptedException {
        long t0 = System.nanoTime();
        long timestamp = at.getEpochSecond();
        try {
            var request =
                    HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", "application/json");
            headers.forEach(request::header);
            request.header("Casekeeper-Timestamp", Long.toString(timestamp))
                    .header("Casekeeper-Signature", WebhookSignature.sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (var in = response.body()) {
                excerpt = new String(in.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            }
            return new Attempt(at, response.statusCode(), elapsed(t0), excerpt);
        } catch (IOException | IllegalArgumentException e) {
            return new Attempt(
                    at,
                    null,
                    elapsed(t0),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /**
     * When to try again after the {@code attempt}-th attempt failed at {@code failedAt}: waits from
     * {@code firstRetry} doubling up to {@code maxInterval}, with a little jitter (Spring's
     * {@link ExponentialBackOff}); null once past {@code retryFor} from {@code createdAt}.
     */
    public static @Nullable Instant retryAt(
            int attempt,
            Instant createdAt,
            Instant failedAt,
            Duration firstRetry,
            Duration maxInterval,
            Duration retryFor) {
        var backOff = new ExponentialBackOff(firstRetry.toMillis(), 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        backOff.setJitter(firstRetry.toMillis() / 10);
        var execution = backOff.start();
        long wait = 0;
        for (int i = 0; i < attempt; i++) {
            wait = execution.nextBackOff();
        }
        var next = failedAt.plus(Duration.ofMillis(wait));
        return next.isAfter(createdAt.plus(retryFor)) ? null : next;
    }

    /**
     * Refuses a receiver's URL that is not an absolute http(s) URL with a host, carries a user name or
     * password (the signature proves the sender), or points at a link-local address (a cloud's
     * metadata service); the refusal names the given field.
     */
    public static void checkUrl(String url, String field) {
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw new InvalidInputException(
                    field, "give the receiver's address, an http or https URL of at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "is not a URL: " + e.getReason());
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidInputException(field, "must be an absolute http or https URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException(
                    field, "must not carry a user name or password; the signature proves the sender");
        }
        if (uri.getHost().startsWith("169.254.") || uri.getHost().equals("[fd00:ec2::254]")) {
            // Cloud metadata services answer there; nothing Casekeeper calls may read them.
            throw new InvalidInputException(field, "link-local addresses are refused");
        }
    }

    private static int elapsed(long t0) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }
}
