import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Phone: call events from a signed phone system at a steady total rate (every call rings, is
 * answered once its offer reached an agent's page, and ends after a short talk), and the screen pop
 * timed from the ringing event's send to the moment the offered agent's page has the offer card
 * with the caller: the page's live stream says the agent's routing changed, and the inbox it then
 * loads (after the page's own debounce) shows the call's case. Started by {@code bench/phone.sh};
 * talks only to 127.0.0.1. A benchmark, not a test: it prints figures and verdicts and fails only
 * if the set-up fails. No libraries: the JDK's HTTP client, JSON read by its few fields.
 */
public class PhoneBenchmark {

    static final double TARGET_POP_P99_MS = 200;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern CASE_NUMBER = Pattern.compile("class=\"case-number\">#(\\d+)<");
    static final Pattern TEXT_FIELD = Pattern.compile("\"(id|token|secret)\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*(\\d+)");

    record Settings(
            URI base, String email, String password, double rate, int agents, int seconds, int warmup, long talkMs,
            long pageDelayMs, String popsFile) {}

    /** One call: when its ringing was sent, its case, and when its pop was seen on the agent's page. */
    static final class Call {
        final String id = "bench-" + UUID.randomUUID();
        final String from = String.format("+1555%07d", (long) (Math.random() * 10_000_000));
        volatile long sentNanos;
        volatile long number = -1;
        volatile long poppedNanos = -1;
        /** The pop's wall-clock time, to set against the offer's time in the database (same machine, same clock). */
        volatile long poppedEpochMs = -1;
        volatile boolean measured;
        final AtomicInteger answered = new AtomicInteger();
    }

    static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    public static void main(String[] args) throws Exception {
        var a = new java.util.HashMap<String, String>();
        for (var arg : args) {
            var kv = arg.replaceFirst("^--", "").split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        var s = new Settings(
                URI.create(a.get("base-url")),
                a.get("email"),
                a.get("password"),
                Double.parseDouble(a.getOrDefault("rate", "50")),
                Integer.parseInt(a.getOrDefault("agents", "30")),
                Integer.parseInt(a.getOrDefault("seconds", "60")),
                Integer.parseInt(a.getOrDefault("warmup", "10")),
                Long.parseLong(a.getOrDefault("talk-ms", "1000")),
                Long.parseLong(a.getOrDefault("page-delay-ms", "20")),
                a.get("pops-file"));

        // 1. Set-up through the REST API: a team, agents signed in as browsers and available, a signed integration.
        String admin = token(s, s.email(), s.password());
        String team = field(call(s, "POST", "/api/v1/teams", admin, "{\"name\":\"Phone bench\"}", 201), "id");
        var integration = call(
                s,
                "POST",
                "/api/v1/telephony/integrations",
                admin,
                "{\"name\":\"Bench PBX\",\"kind\":\"signed\",\"teamId\":\"" + team + "\"}",
                201);
        String integrationId = field(integration, "id");
        String secret = field(integration, "secret");
        var calls = new ConcurrentHashMap<String, Call>();
        var byNumber = new ConcurrentHashMap<Long, Call>();
        var seenAt = new ConcurrentHashMap<Long, Long>();
        var popMs = Collections.synchronizedList(new ArrayList<Double>());
        var eventMs = Collections.synchronizedList(new ArrayList<Double>());
        var sent = new AtomicLong();
        var failed = new AtomicLong();
        var measuring = new java.util.concurrent.atomic.AtomicBoolean(false);
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        var debounce = Executors.newScheduledThreadPool(2);

        java.util.function.BiConsumer<Call, Long> popped = (c, at) -> {
            if (c.poppedNanos >= 0) {
                return;
            }
            c.poppedNanos = at;
            c.poppedEpochMs = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - at);
            if (c.measured) {
                popMs.add((at - c.sentNanos) / 1e6);
            }
            if (c.answered.getAndIncrement() == 0) {
                pool.submit(() -> {
                    send(s, integrationId, secret, event(c, "answered", ""), eventMs, sent, failed, measuring);
                    sleep(s.talkMs());
                    send(s, integrationId, secret, event(c, "ended", ",\"durationSeconds\":1,\"hungUpBy\":\"customer\""),
                            eventMs, sent, failed, measuring);
                    return null;
                });
            }
        };

        for (int i = 0; i < s.agents(); i++) {
            String email = "phone-bench-" + i + "-" + UUID.randomUUID() + "@casekeeper.local";
            String password = "bench." + UUID.randomUUID();
            String id = field(call(s, "POST", "/api/v1/agents", admin,
                    "{\"email\":\"" + email + "\",\"name\":\"Bench agent " + i + "\",\"password\":\"" + password
                            + "\",\"role\":\"agent\"}", 201), "id");
            call(s, "POST", "/api/v1/teams/" + team + "/members", admin, "{\"agentId\":\"" + id + "\"}", 200);
            String agentToken = token(s, email, password);
            String cookie = signIn(s, email, password);
            // The page's live stream; on "routing" it loads the inbox after the page's debounce, as htmx's
            // `delay:` does: each signal restarts the wait, and the inbox loads once the signals pause.
            var scheduled = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.ScheduledFuture<?>>();
            Runnable reload = () -> pool.submit(() -> {
                var inbox = HTTP.send(
                        HttpRequest.newBuilder(s.base().resolve("/routing/inbox"))
                                .header("Cookie", cookie)
                                .header("HX-Request", "true")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                var m = CASE_NUMBER.matcher(inbox.body());
                while (m.find()) {
                    long number = Long.parseLong(m.group(1));
                    var c = byNumber.get(number);
                    if (c != null) {
                        popped.accept(c, now);
                    } else {
                        seenAt.putIfAbsent(number, now);
                    }
                }
                return null;
            });
            pool.submit(() -> {
                var request = HttpRequest.newBuilder(s.base().resolve("/live/events"))
                        .header("Cookie", cookie)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build();
                var response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (!line.equals("event:routing") && !line.equals("event: routing")) {
                            continue;
                        }
                        var previous = scheduled.getAndSet(
                                debounce.schedule(reload, s.pageDelayMs(), TimeUnit.MILLISECONDS));
                        if (previous != null) {
                            previous.cancel(false);
                        }
                    }
                }
                return null;
            });
            call(s, "PUT", "/api/v1/routing/me/presence", agentToken, "{\"presence\":\"available\"}", 200);
        }
        System.out.printf("Set up: team, signed integration, %d agents available (one call each) with their pages' live streams%n",
                s.agents());

        // 2. Calls: a third of the events are rings (each call rings, is answered, ends).
        double callsPerSecond = s.rate() / 3;
        long periodNanos = (long) (1e9 / callsPerSecond);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long warmEnd = start + TimeUnit.SECONDS.toNanos(s.warmup());
        long end = warmEnd + TimeUnit.SECONDS.toNanos(s.seconds());
        var measuredEvents = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            measuring.set(now >= warmEnd);
            var c = new Call();
            c.measured = measuring.get();
            calls.put(c.id, c);
            pool.submit(() -> {
                c.sentNanos = System.nanoTime();
                var body = send(s, integrationId, secret, event(c, "ringing", ",\"from\":\"" + c.from + "\""),
                        eventMs, sent, failed, measuring);
                if (body != null) {
                    var n = NUMBER.matcher(body);
                    if (n.find()) {
                        c.number = Long.parseLong(n.group(1));
                        byNumber.put(c.number, c);
                        var early = seenAt.remove(c.number);
                        if (early != null) {
                            popped.accept(c, early);
                        }
                    }
                }
                return null;
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        long lastSent = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            long now = sent.get();
            if (measuring.get()) {
                measuredEvents.addAndGet(now - lastSent);
            }
            lastSent = now;
        }
        ticker.shutdownNow();
        Thread.sleep(s.talkMs() + 2000);

        long measuredCalls = calls.values().stream().filter(c -> c.measured).count();
        long poppedCalls = calls.values().stream().filter(c -> c.measured && c.poppedNanos >= 0).count();
        System.out.printf("Events accepted: %.1f/s over %d s (target %.0f/s); %d refused or failed%n",
                measuredEvents.get() / (double) s.seconds(), s.seconds(), s.rate(), failed.get());
        System.out.printf("Event answer time: p50 %.1f ms, p99 %.1f ms%n", pct(eventMs, 50), pct(eventMs, 99));
        System.out.printf("Calls rung while measuring: %d, popped on an agent's page: %d%n", measuredCalls, poppedCalls);
        double p99 = pct(popMs, 99);
        System.out.printf("Pop (ringing sent -> offer card with the caller on the agent's page, incl. the page's %d ms debounce): "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                s.pageDelayMs(), pct(popMs, 50), pct(popMs, 95), p99, pct(popMs, 100));
        System.out.printf("Verdict: %s (pop p99 under %.0f ms at %.0f events/s)%n",
                p99 < TARGET_POP_P99_MS && measuredEvents.get() / (double) s.seconds() >= 0.95 * s.rate() ? "MET" : "NOT MET",
                TARGET_POP_P99_MS, s.rate());
        if (s.popsFile() != null) {
            // Case number and pop time of every measured call, for phone.sh to set against its offer.
            var lines = calls.values().stream()
                    .filter(c -> c.measured && c.poppedEpochMs >= 0 && c.number >= 0)
                    .map(c -> c.number + "," + c.poppedEpochMs)
                    .toList();
            java.nio.file.Files.write(java.nio.file.Path.of(s.popsFile()), lines);
        }
        pool.shutdownNow();
        System.exit(0);
    }

    static String event(Call c, String type, String more) {
        return "{\"eventId\":\"" + c.id + ":" + type + "\",\"callId\":\"" + c.id + "\",\"type\":\"" + type + "\"" + more
                + "}";
    }

    /** Sends one signed event; answers the body of a 200, else null. */
    static String send(
            Settings s, String integrationId, String secret, String body, List<Double> eventMs, AtomicLong sent,
            AtomicLong failed, java.util.concurrent.atomic.AtomicBoolean measuring) {
        try {
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
            String signature = "v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            long t0 = System.nanoTime();
            var response = HTTP.send(
                    HttpRequest.newBuilder(s.base().resolve("/api/v1/telephony/events"))
                            .header("Content-Type", "application/json")
                            .header("Casekeeper-Integration", integrationId)
                            .header("Casekeeper-Timestamp", ts)
                            .header("Casekeeper-Signature", signature)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (measuring.get()) {
                eventMs.add((System.nanoTime() - t0) / 1e6);
            }
            if (response.statusCode() != 200) {
                failed.incrementAndGet();
                return null;
            }
            sent.incrementAndGet();
            return response.body();
        } catch (Exception e) {
            failed.incrementAndGet();
            return null;
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

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String field(String json, String name) {
        var m = TEXT_FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    static String call(Settings s, String method, String path, String token, String body, int expected)
            throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(s.base().resolve(path))
                        .header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String token(Settings s, String email, String password) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return field(call(s, "POST", "/api/v1/tokens", basic, "{\"name\":\"phone benchmark\"}", 201), "token");
    }

    /** Signs in through the sign-in form, as a browser does, and answers the session cookie. */
    static String signIn(Settings s, String email, String password) throws Exception {
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        var login = browser.send(HttpRequest.newBuilder(s.base().resolve("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        var csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = Map.of("email", email, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var signedIn = browser.send(HttpRequest.newBuilder(s.base().resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + email + " failed: HTTP " + signedIn.statusCode());
        }
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }
}
