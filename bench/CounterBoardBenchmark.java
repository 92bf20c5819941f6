import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counter's display board under a day of walk-ins: T tickets a day at one location with D desks,
 * the day compressed into a few minutes. A board client keeps the board's event stream open and,
 * on every event, reloads the board fragment as the page does; each desk calls, serves and ends
 * tickets. A call counts as shown when the reloaded board lists its number under "now serving"; an
 * end when it no longer does. Started by {@code bench/counter-board.sh}; talks only to 127.0.0.1.
 * A benchmark, not a test: it prints figures and a verdict, and fails only if the set-up fails.
 */
public class CounterBoardBenchmark {

    static final double TARGET_P99_MS = 1000;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern SERVING = Pattern.compile("<td class=\"board-number\">([A-Z]+-\\d+)</td>");

    record Settings(URI baseUrl, String email, String password, int tickets, int desks, int daySeconds) {
        static Settings parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (String arg : args) {
                o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return new Settings(URI.create(o.get("base-url")), o.get("email"), o.get("password"),
                    Integer.parseInt(o.getOrDefault("tickets", "500")), Integer.parseInt(o.getOrDefault("desks", "20")),
                    Integer.parseInt(o.getOrDefault("day-seconds", "300")));
        }
    }

    /** What the board must show, and since when it was asked for (nanoTime). */
    record Expectation(String number, boolean serving, long since, String kind) {}

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static Settings settings;

    public static void main(String[] args) throws Exception {
        settings = Settings.parse(args);
        String admin = token(settings.email(), settings.password());
        String team = call("POST", "/api/v1/teams", admin, Map.of("name", "Returns " + UUID.randomUUID())).get("id").asString();
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode location = call("POST", "/api/v1/counter/locations", admin,
                Map.of("name", "Benchmark store", "slug", slug, "zone", "UTC"));
        String locationId = location.get("id").asString();
        List<String> reasons = new ArrayList<>();
        for (var r : List.of(List.of("Returns", "R"), List.of("Pickup", "P"))) {
            reasons.add(call("POST", "/api/v1/counter/locations/" + locationId + "/reasons", admin,
                    Map.of("label", r.get(0), "code", r.get(1), "teamId", team)).get("id").asString());
        }
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < settings.desks(); i++) {
            String email = "desk-" + i + "-" + UUID.randomUUID() + "@bench.local";
            String password = "bench.pass.word." + UUID.randomUUID();
            String id = call("POST", "/api/v1/agents", admin,
                    Map.of("email", email, "name", "Desk agent " + i, "password", password, "role", "agent")).get("id").asString();
            call("POST", "/api/v1/teams/" + team + "/members", admin, Map.of("agentId", id));
            String token = token(email, password);
            call("PUT", "/api/v1/counter/desk", token, Map.of("locationId", locationId, "desk", "Desk " + (i + 1)));
            agents.add(token);
        }
        System.out.printf("Location %s with %d desks; %d tickets over %d s%n", slug, settings.desks(), settings.tickets(),
                settings.daySeconds());

        var pending = ConcurrentHashMap.<Expectation>newKeySet();
        var latencies = Collections.synchronizedList(new ArrayList<Double>());
        var events = new AtomicInteger();
        var reloads = new AtomicInteger();
        var running = new AtomicBoolean(true);
        var boardReady = new CountDownLatch(1);
        Thread.ofPlatform().name("board").start(() -> board(slug, pending, latencies, events, reloads, running, boardReady));
        if (!boardReady.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The board's event stream did not open");
        }

        long start = System.nanoTime();
        double arrivalEveryMs = settings.daySeconds() * 1000.0 / settings.tickets();
        // Service time so that the desks keep up with the day on average, with some spread.
        double serviceMs = arrivalEveryMs * settings.desks() * 0.8;
        var walkIns = Executors.newVirtualThreadPerTaskExecutor();
        var taken = new AtomicInteger();
        walkIns.execute(() -> {
            for (int i = 0; i < settings.tickets(); i++) {
                sleepUntil(start + (long) (i * arrivalEveryMs * 1_000_000));
                call("POST", "/api/v1/counter/locations/" + locationId + "/tickets", admin,
                        Map.of("firstName", "Walk-in " + i, "reasonId", reasons.get(i % reasons.size())));
                taken.incrementAndGet();
            }
        });
        var desks = Executors.newVirtualThreadPerTaskExecutor();
        long end = start + TimeUnit.SECONDS.toNanos(settings.daySeconds());
        var served = new AtomicInteger();
        for (String token : agents) {
            desks.execute(() -> {
                while (System.nanoTime() < end + TimeUnit.SECONDS.toNanos(30)
                        && (served.get() < settings.tickets() || taken.get() < settings.tickets())) {
                    long t0 = System.nanoTime();
                    var response = send("POST", "/api/v1/counter/desk/next", token, null);
                    if (response.statusCode() == 204) {
                        sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500));
                        continue;
                    }
                    JsonNode ticket = JSON.readTree(response.body());
                    String number = ticket.get("number").asString();
                    pending.add(new Expectation(number, true, t0, "call"));
                    String id = ticket.get("id").asString();
                    call("POST", "/api/v1/counter/tickets/" + id + "/serve", token, null);
                    long service = (long) (serviceMs * (0.5 + ThreadLocalRandom.current().nextDouble()));
                    sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(service));
                    long t1 = System.nanoTime();
                    call("POST", "/api/v1/counter/tickets/" + id + "/end", token, null);
                    pending.add(new Expectation(number, false, t1, "end"));
                    served.incrementAndGet();
                }
            });
        }
        walkIns.shutdown();
        desks.shutdown();
        desks.awaitTermination(settings.daySeconds() + 120L, TimeUnit.SECONDS);
        sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(3));
        running.set(false);

        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("Tickets taken %d, served %d; board events %d, board reloads %d; changes seen %d, never seen %d%n",
                taken.get(), served.get(), events.get(), reloads.get(), sorted.size(), pending.size());
        if (sorted.isEmpty()) {
            System.out.println("No change was seen on the board");
            return;
        }
        double p99 = percentile(sorted, 99);
        System.out.printf("Desk action to board showing it (ms): p50 %.0f, p95 %.0f, p99 %.0f, max %.0f%n",
                percentile(sorted, 50), percentile(sorted, 95), p99, sorted.getLast());
        System.out.printf("Verdict: p99 %.0f ms %s the %.0f ms target%s%n", p99, p99 < TARGET_P99_MS ? "meets" : "misses",
                TARGET_P99_MS, pending.isEmpty() ? "" : "; " + pending.size() + " change(s) never shown");
    }

    /** The waiting-room screen: the event stream, and on each event a reload of the board fragment. */
    static void board(String slug, Set<Expectation> pending, List<Double> latencies, AtomicInteger events,
            AtomicInteger reloads, AtomicBoolean running, CountDownLatch ready) {
        while (running.get()) {
            try {
                var request = HttpRequest.newBuilder(settings.baseUrl().resolve("/counter/board/" + slug + "/events"))
                        .header("Accept", "text/event-stream").GET().build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while (running.get() && (line = lines.readLine()) != null) {
                        if (line.equals("event:hello")) {
                            ready.countDown();
                        } else if (line.equals("event:line") || line.equals("event:missed")) {
                            events.incrementAndGet();
                            reload(slug, pending, latencies, reloads);
                        }
                    }
                }
            } catch (Exception e) {
                if (running.get()) {
                    System.out.println("Board stream dropped (" + e.getMessage() + "); reconnecting");
                }
            }
        }
    }

    static void reload(String slug, Set<Expectation> pending, List<Double> latencies, AtomicInteger reloads) {
        var html = send("GET", "/counter/board/" + slug + "/now", null, null).body();
        long now = System.nanoTime();
        reloads.incrementAndGet();
        var serving = new java.util.HashSet<String>();
        var matcher = SERVING.matcher(html);
        while (matcher.find()) {
            serving.add(matcher.group(1));
        }
        for (var expected : List.copyOf(pending)) {
            if (serving.contains(expected.number()) == expected.serving() && pending.remove(expected)) {
                latencies.add((now - expected.since()) / 1e6);
            }
        }
    }

    static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String token(String email, String password) {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(settings.baseUrl().resolve("/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("token").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode call(String method, String path, String token, Object body) {
        var response = send(method, path, token, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static HttpResponse<String> send(String method, String path, String token, Object body) {
        var builder = HttpRequest.newBuilder(settings.baseUrl().resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
