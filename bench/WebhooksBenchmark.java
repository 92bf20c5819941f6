import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhooks: S subscriptions to case.opened, all pointing at a receiver this client runs, and cases
 * opened through the REST API at a steady rate, so S deliveries are due per case. The receiver
 * checks each signature as docs/webhooks.md says and times each delivery from its event's
 * occurredAt to its arrival. Started by {@code bench/webhooks.sh}; talks only to 127.0.0.1. A
 * benchmark, not a test: it prints figures and a verdict and fails only if the set-up fails. No
 * libraries: the JDK's HTTP server and HttpURLConnection, JSON read by its few fields.
 */
public class WebhooksBenchmark {

    static final double TARGET_PER_SECOND = 500;
    static final double TARGET_P99_MS = 1000;
    static final Pattern FIELD = Pattern.compile("\"(id|token|secret)\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern OCCURRED = Pattern.compile("\"occurredAt\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var a = new java.util.HashMap<String, String>();
        for (var arg : args) {
            var kv = arg.replaceFirst("^--", "").split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        URI base = URI.create(a.get("base-url"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "130"));
        int subscriptions = Integer.parseInt(a.getOrDefault("subscriptions", "4"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "15"));

        var measuring = new AtomicBoolean(false);
        var received = new AtomicLong();
        var badSignatures = new AtomicLong();
        var latencies = Collections.synchronizedList(new ArrayList<Double>());
        var secrets = new ConcurrentHashMap<String, String>();

        // 1. The company's receiver: checks the signature, answers 204, times the delivery.
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/hooks/", exchange -> {
            long arrived = System.currentTimeMillis();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String secret = secrets.get(path.substring(path.lastIndexOf('/') + 1));
            String timestamp = exchange.getRequestHeaders().getFirst("Casekeeper-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Casekeeper-Signature");
            if (secret == null || timestamp == null || signature == null || !verify(secret, timestamp, body, signature)) {
                badSignatures.incrementAndGet();
            }
            var occurred = OCCURRED.matcher(new String(body, StandardCharsets.UTF_8));
            if (measuring.get() && occurred.find()) {
                received.incrementAndGet();
                latencies.add((double) (arrived - Instant.parse(occurred.group(1)).toEpochMilli()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        String receiver = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/";

        // 2. Set-up through the API: the admin's token, a team, S webhooks for the team's new cases.
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((a.get("email") + ":" + a.get("password")).getBytes(StandardCharsets.UTF_8));
        String token = field(call(base, "POST", "/api/v1/tokens", basic, "{\"name\":\"webhooks benchmark\"}", 201), "token");
        String bearer = "Bearer " + token;
        String team = field(call(base, "POST", "/api/v1/teams", bearer, "{\"name\":\"Webhook bench\"}", 201), "id");
        for (int i = 0; i < subscriptions; i++) {
            String key = "s" + i;
            var created = call(base, "POST", "/api/v1/webhooks", bearer,
                    "{\"name\":\"Bench " + i + " " + UUID.randomUUID() + "\",\"url\":\"" + receiver + key
                            + "\",\"eventTypes\":[\"case.opened\"],\"teamId\":\"" + team + "\"}", 201);
            secrets.put(key, field(created, "secret"));
        }
        System.out.printf("Set up: %d webhooks for case.opened of one team, receiver at %s%n", subscriptions, receiver);

        // 3. Cases at a steady rate, each from a new customer, on a pool of kept-alive connections.
        var opened = new AtomicLong();
        var failed = new AtomicLong();
        var pool = Executors.newFixedThreadPool(32);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long warmEnd = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(seconds);
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            measuring.set(now >= warmEnd);
            pool.submit(() -> {
                try {
                    call(base, "POST", "/api/v1/cases", bearer,
                            "{\"subject\":\"Wrong size delivered\",\"teamId\":\"" + team
                                    + "\",\"requester\":{\"email\":\"c-" + UUID.randomUUID()
                                    + "@example.com\",\"name\":\"Maria Lopez\"},\"message\":{\"body\":\"The shoes came in the wrong size; I need the exchange before Friday.\"}}",
                            201);
                    opened.incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
        long measuredOpened0 = 0;
        while (System.nanoTime() < warmEnd) {
            Thread.sleep(100);
        }
        measuredOpened0 = opened.get();
        while (System.nanoTime() < end) {
            Thread.sleep(200);
        }
        long measuredOpened = opened.get() - measuredOpened0;
        ticker.shutdownNow();
        // The last deliveries of the measured window arrive after it; they count, their time too.
        Thread.sleep(3000);
        measuring.set(false);
        pool.shutdownNow();
        server.stop(0);

        double perSecond = received.get() / (double) seconds;
        double p99 = pct(latencies, 99);
        System.out.printf("Cases opened: %.1f/s (target %.0f/s), %d failed%n", measuredOpened / (double) seconds, rate, failed.get());
        System.out.printf("Deliveries received: %.1f/s over %d s, %d with a bad signature%n", perSecond, seconds, badSignatures.get());
        System.out.printf("Enqueue to delivery: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(latencies, 50), pct(latencies, 95), p99, pct(latencies, 100));
        System.out.printf("Verdict: %s (at least %.0f deliveries/s, p99 under %.0f ms)%n",
                perSecond >= TARGET_PER_SECOND && p99 < TARGET_P99_MS && badSignatures.get() == 0 ? "MET" : "NOT MET",
                TARGET_PER_SECOND, TARGET_P99_MS);
        System.exit(0);
    }

    static boolean verify(String secret, String timestamp, byte[] body, String signature) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            var expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }

    static double pct(List<Double> values, double p) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String field(String json, String name) {
        var m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    static String call(URI base, String method, String path, String auth, String body, int expected) throws Exception {
        var connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", auth);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        var stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        var bytes = new ByteArrayOutputStream();
        if (stream != null) {
            try (stream) {
                stream.transferTo(bytes);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (status != expected) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + status + " " + text);
        }
        return text;
    }
}
