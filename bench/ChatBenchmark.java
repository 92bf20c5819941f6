import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live chat and routing: N widget clients connected to one Casekeeper and kept connected (with the
 * widget's ping every 25 s), M of them starting a chat at a steady arrival rate while agents are
 * free (arrival to offer), the agents accepting and opening each case's agent socket, then customer
 * messages at a fixed total rate, each timed from the customer's send to its receipt on the agent's
 * socket (and to the customer's ack). Started by {@code bench/chat.sh}; talks only to 127.0.0.1.
 *
 * <p>The sockets are the JDK's {@link WebSocket}, all on one {@link HttpClient}: asynchronous, one
 * selector thread, no thread per socket. Jackson (taken from the application's jar) reads the REST
 * answers; socket frames are read by looking for their few fields, to keep the client cheap. A
 * benchmark, not a test: it prints figures and verdicts and fails only if the set-up fails.
 */
public class ChatBenchmark {

    static final int TARGET_CLIENTS = 10_000;
    static final long TARGET_HEAP_MB = 1024;
    static final double TARGET_DELIVERY_P99_MS = 50;
    static final double TARGET_OFFER_P99_MS = 100;
    static final Duration PING_EVERY = Duration.ofSeconds(25);
    static final Duration FALLBACK_EVERY = Duration.ofSeconds(2);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Settings(URI baseUrl, String jdbcUrl, String jdbcUser, String jdbcPassword, String email, String password, int clients, double rate,
            int chats, int agents, double arrivalRate, double rampRate, int seconds, String heap, String jcmd, long appPid,
            long postgresPid, int arrivalWarmup) {

        static Settings parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            var s = new Settings(URI.create(o.get("base-url")), o.get("jdbc-url"), o.getOrDefault("jdbc-user", "casekeeper"),
                    o.get("jdbc-password"), o.get("email"), o.get("password"), Integer.parseInt(o.getOrDefault("clients", "10000")),
                    Double.parseDouble(o.getOrDefault("rate", "50")), Integer.parseInt(o.getOrDefault("chats", "200")),
                    Integer.parseInt(o.getOrDefault("agents", "4")), Double.parseDouble(o.getOrDefault("arrival-rate", "10")),
                    Double.parseDouble(o.getOrDefault("ramp-rate", "500")), Integer.parseInt(o.getOrDefault("seconds", "60")),
                    o.getOrDefault("heap", "?"), o.getOrDefault("jcmd", "jcmd"), Long.parseLong(o.getOrDefault("app-pid", "0")),
                    Long.parseLong(o.getOrDefault("postgres-pid", "0")),
                    Integer.parseInt(o.getOrDefault("arrival-warmup", "20")));
            if (s.arrivalWarmup() < 0 || s.arrivalWarmup() >= s.chats()) {
                throw new IllegalArgumentException("BENCH_ARRIVAL_WARMUP (" + s.arrivalWarmup() + ") must be at least 0 and below M");
            }
            if (s.chats() > s.clients()) {
                throw new IllegalArgumentException("BENCH_CHATS (" + s.chats() + ") cannot exceed N (" + s.clients() + ")");
            }
            if (s.agents() * 100 < s.chats()) {
                throw new IllegalArgumentException("at most 100 chats per agent: raise BENCH_AGENTS");
            }
            // The widget socket takes 30 messages a minute (bursts of 5): stay under it per chat.
            if (s.rate() / s.chats() > 0.4) {
                throw new IllegalArgumentException("R / M = " + s.rate() / s.chats()
                        + " messages a second per chat is over the server's rate limit (30 a minute); raise BENCH_CHATS");
            }
            return s;
        }

        URI ws(String path) {
            return URI.create("ws://" + baseUrl.getHost() + ":" + baseUrl.getPort() + path);
        }

        String origin() {
            return "http://" + baseUrl.getHost() + ":" + baseUrl.getPort();
        }
    }

    /** Latencies in nanoseconds, kept while {@link #on}. */
    static final class Recorder {
        private long[] values = new long[1 << 14];
        private int size;
        volatile boolean on;

        synchronized void add(long nanos) {
            if (!on) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized int size() {
            return size;
        }

        synchronized long[] sorted() {
            var copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static String summary(long[] sorted) {
        return "p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms (%d samples)".formatted(percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100), sorted.length);
    }

    /** The value of a string field in a frame as Jackson writes it ({@code "name":"value"}), or null. */
    static String field(String frame, String name) {
        String key = "\"" + name + "\":\"";
        int at = frame.indexOf(key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        int to = frame.indexOf('"', from);
        return to < 0 ? null : frame.substring(from, to);
    }

    /** One socket's sends, one after the other (the JDK's WebSocket takes one outstanding send). */
    abstract static class Socket implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        volatile WebSocket ws;
        volatile boolean closed;

        synchronized void send(String text) {
            var socket = ws;
            sending = sending.handle((r, e) -> null).thenCompose(x -> socket.sendText(text, true));
        }

        abstract void frame(String frame);

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last && partial.isEmpty()) {
                frame(data.toString());
            } else {
                partial.append(data);
                if (last) {
                    frame(partial.toString());
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            closes.computeIfAbsent("closed by the server, " + statusCode + " " + reason.replaceAll("\\[[0-9a-f]+\\]", "[…]"),
                    k -> new AtomicInteger()).incrementAndGet();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
            closes.computeIfAbsent("failed, " + error.getClass().getSimpleName() + ": " + error.getMessage(), k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    static final Map<String, Long> ackPending = new ConcurrentHashMap<>();
    static final Map<String, Long> deliveryPending = new ConcurrentHashMap<>();
    static volatile Recorder acks = new Recorder();
    static final Recorder deliveries = new Recorder();
    static final AtomicLong errors = new AtomicLong();
    static final Map<String, AtomicInteger> errorCodes = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> closes = new ConcurrentHashMap<>();

    /** A customer's widget. */
    static final class Widget extends Socket {
        final int index;
        final CompletableFuture<String> welcome = new CompletableFuture<>();
        final CompletableFuture<Void> started = new CompletableFuture<>();
        final CompletableFuture<Void> joined = new CompletableFuture<>();
        volatile String token;
        int sent;

        Widget(int index) {
            this.index = index;
        }

        @Override
        void frame(String frame) {
            long now = System.nanoTime();
            String type = field(frame, "type");
            if (type == null) {
                return;
            }
            switch (type) {
                case "ack" -> {
                    Long at = ackPending.remove(field(frame, "id"));
                    if (at != null) {
                        acks.add(now - at);
                    }
                }
                case "message" -> {
                    if ("joined".equals(field(frame, "event"))) {
                        joined.complete(null);
                    }
                }
                case "welcome" -> {
                    token = field(frame, "token");
                    welcome.complete(token);
                }
                case "started" -> started.complete(null);
                case "error" -> {
                    errors.incrementAndGet();
                    errorCodes.computeIfAbsent("widget " + field(frame, "code"), k -> new AtomicInteger()).incrementAndGet();
                }
                default -> {}
            }
        }
    }

    /** An agent's chat panel: the agent socket of one case. */
    static final class Panel extends Socket {
        final CompletableFuture<Void> welcome = new CompletableFuture<>();

        @Override
        void frame(String frame) {
            long now = System.nanoTime();
            String type = field(frame, "type");
            if ("message".equals(type)) {
                if ("customer".equals(field(frame, "from"))) {
                    Long at = deliveryPending.remove(field(frame, "id"));
                    if (at != null) {
                        deliveries.add(now - at);
                    }
                }
            } else if ("welcome".equals(type)) {
                welcome.complete(null);
            } else if ("error".equals(type)) {
                errors.incrementAndGet();
                errorCodes.computeIfAbsent("agent " + field(frame, "code"), k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    record Agent(String id, String email, String token, String cookie) {}

    public static void main(String[] args) {
        try {
            run(Settings.parse(args));
            System.exit(0);
        } catch (Throwable e) {
            // Sockets, pollers and the HTTP client's threads would keep the JVM alive, and the script waiting.
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(Settings settings) throws Exception {
        var rest = new Rest(settings.baseUrl());
        System.out.printf("N = %d widget clients, R = %.0f customer messages/s over M = %d chats, %d agents; "
                        + "arrivals %.0f/s; ramp-up %.0f connections/s; %d s measured; application heap -Xmx%s%n",
                settings.clients(), settings.rate(), settings.chats(), settings.agents(), settings.arrivalRate(),
                settings.rampRate(), settings.seconds(), settings.heap());

        // 1. Set-up through the REST API.
        String admin = rest.token(settings.email(), settings.password());
        String teamId = rest.call("POST", "/api/v1/teams", admin, "{\"name\":\"Chat benchmark\"}", 201).get("id").asString();
        String mailbox = "chat-bench@bench.example";
        rest.call("POST", "/api/v1/mailboxes", admin, """
                {"address":"%s","name":"Chat benchmark","teamId":"%s","inbound":{"mode":"smtp"},"acknowledgement":{"enabled":false},"active":true}"""
                .formatted(mailbox, teamId), 201);
        int capacity = Math.min(100, (settings.chats() + settings.agents() - 1) / settings.agents() + 5);
        var agents = new ArrayList<Agent>();
        for (int a = 0; a < settings.agents(); a++) {
            String email = "bench-agent-" + a + "@bench.example";
            String password = "bench-password-" + a + "-" + Long.toHexString(System.nanoTime());
            String id = rest.call("POST", "/api/v1/agents", admin, """
                    {"email":"%s","name":"Agent %d","password":"%s","role":"agent"}""".formatted(email, a, password), 201)
                    .get("id").asString();
            rest.call("POST", "/api/v1/teams/" + teamId + "/members", admin, "{\"agentId\":\"" + id + "\"}", -1);
            rest.call("PATCH", "/api/v1/routing/agents/" + id, admin, "{\"chatCapacity\":" + capacity + "}", -1);
            String token = rest.token(email, password);
            rest.call("PUT", "/api/v1/routing/me/presence", token, "{\"presence\":\"available\"}", -1);
            agents.add(new Agent(id, email, token, rest.signIn(email, password)));
        }
        System.out.printf("Set up: team, mailbox %s, %d agents available with a chat capacity of %d each, signed in%n",
                mailbox, agents.size(), capacity);

        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        var cpuStart = Cpu.now(settings);

        // 2. N widget clients: hello, start; ramping up at the given rate, at most 256 handshakes at once.
        var widgets = new Widget[settings.clients()];
        // Keep-alive as the widget does it: a ping every 25 s per socket, spread evenly, from the start of the
        // ramp-up (the server closes a socket silent for 90 s, and 10,000 take longer than that to open).
        var panels = new ArrayList<Panel>();
        var pinger = Executors.newSingleThreadScheduledExecutor();
        var pingCursor = new AtomicInteger();
        long tickMillis = 100;
        int perTick = (int) Math.ceil(widgets.length * tickMillis / (double) PING_EVERY.toMillis());
        pinger.scheduleAtFixedRate(() -> {
            for (int k = 0; k < perTick; k++) {
                var w = widgets[Math.floorMod(pingCursor.getAndIncrement(), widgets.length)];
                if (w != null && w.started.isDone() && !w.closed) {
                    w.send("{\"type\":\"ping\"}");
                }
            }
            if (pingCursor.get() % widgets.length < perTick) {
                synchronized (panels) {
                    panels.forEach(p -> p.send("{\"type\":\"ping\"}"));
                }
            }
        }, tickMillis, tickMillis, TimeUnit.MILLISECONDS);

        var inFlight = new Semaphore(256);
        var connected = new AtomicInteger();
        var failed = new AtomicInteger();
        var failures = new ConcurrentHashMap<String, AtomicInteger>();
        long rampStart = System.nanoTime();
        long gap = (long) (1e9 / settings.rampRate());
        for (int i = 0; i < widgets.length; i++) {
            long due = rampStart + i * gap;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            var widget = widgets[i] = new Widget(i);
            http.newWebSocketBuilder().header("Origin", settings.origin()).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(settings.ws("/chat/ws"), widget)
                    .thenCompose(ws -> {
                        widget.ws = ws;
                        widget.send("{\"type\":\"hello\",\"mailbox\":\"" + mailbox + "\",\"lang\":\"en\"}");
                        return widget.welcome;
                    })
                    .thenCompose(token -> {
                        widget.send("{\"type\":\"start\",\"name\":\"Bench Customer " + widget.index + "\"}");
                        return widget.started;
                    })
                    .orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> {
                        if (e == null) {
                            connected.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            var cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                            failures.computeIfAbsent(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                        inFlight.release();
                    });
            if ((i + 1) % 1000 == 0) {
                System.out.printf("  %d connecting, %d connected and started, %d failed%n", i + 1, connected.get(), failed.get());
            }
        }
        inFlight.acquire(256);
        inFlight.release(256);
        double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
        System.out.printf("Ramp-up: %d of %d widgets connected and started in %.1f s (%.0f/s), %d failed%n",
                connected.get(), widgets.length, rampSeconds, connected.get() / rampSeconds, failed.get());
        failures.forEach((k, v) -> System.out.printf("  failure x%d: %s%n", v.get(), k));
        if (connected.get() < settings.chats()) {
            throw new IllegalStateException("fewer widgets connected than chats wanted");
        }

        var heapConnected = Memory.of(settings);
        System.out.printf("With %d widgets connected: application heap after a full GC %s%n", connected.get(), heapConnected);

        // 3. Arrivals: M chats start (first message) at a steady rate while the agents are free. Each agent's page
        // follows its live stream, as the workspace does, and accepts what it is offered.
        var chats = new ArrayList<Widget>();
        for (var w : widgets) {
            if (chats.size() == settings.chats()) {
                break;
            }
            if (w.started.isDone() && !w.started.isCompletedExceptionally() && !w.closed) {
                chats.add(w);
            }
        }
        var firstSent = new ConcurrentHashMap<String, Instant>(); // visitor digest -> when the customer sent
        var seen = new ConcurrentHashMap<String, Instant>(); // contact id -> when its agent's poll first showed the offer
        var listening = new java.util.concurrent.atomic.AtomicBoolean(true);
        var pollers = new ArrayList<Thread>();
        for (var agent : agents) {
            pollers.add(Thread.ofVirtual().start(() -> listen(rest, agent, seen, listening)));
        }
        var firstAcks = new Recorder();
        firstAcks.on = true;
        acks = firstAcks;
        long arrivalGap = (long) (1e9 / settings.arrivalRate());
        long arrivalStart = System.nanoTime();
        for (int c = 0; c < chats.size(); c++) {
            long wait = arrivalStart + c * arrivalGap - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            var w = chats.get(c);
            String id = "c-" + w.index + "-" + (w.sent++);
            // The first arrivals warm the application up (its first cases run cold code): they are
            // offered and accepted like the others, but not timed.
            if (c >= settings.arrivalWarmup()) {
                firstSent.put(digest(w.token), Instant.now());
                ackPending.put(id, System.nanoTime());
            }
            w.send("{\"type\":\"message\",\"id\":\"" + id + "\",\"text\":\"Hello, my router reboots every hour since Monday. Order 4711.\"}");
        }
        boolean allJoined = true;
        try {
            CompletableFuture.allOf(chats.stream().map(w -> w.joined).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            allJoined = false;
        }
        listening.set(false);
        for (var t : pollers) {
            t.join();
        }
        long joinedCount = chats.stream().filter(w -> w.joined.isDone()).count();
        System.out.printf("Arrivals: %d chats started at %.0f/s; %d accepted by their agent and shown as joined to the customer%s; "
                        + "the first %d warm up and are not timed%n",
                chats.size(), settings.arrivalRate(), joinedCount, allJoined ? "" : " (waited 60 s for the rest)",
                settings.arrivalWarmup());

        var everyOffer = offers(settings, chats.stream().map(w -> digest(w.token)).collect(java.util.stream.Collectors.toSet()));
        var offers = new HashMap<>(everyOffer);
        offers.keySet().retainAll(firstSent.keySet());
        var routingTimes = new ArrayList<Long>();
        var customerTimes = new ArrayList<Long>();
        var agentTimes = new ArrayList<Long>();
        for (var o : offers.values()) {
            routingTimes.add(Duration.between(o.arrivedAt(), o.offeredAt()).toNanos());
            var sentAt = firstSent.get(o.digest());
            customerTimes.add(Duration.between(sentAt, o.offeredAt()).toNanos());
            var sawAt = seen.get(o.contactId());
            if (sawAt != null) {
                agentTimes.add(Duration.between(sentAt, sawAt).toNanos());
            }
        }
        long[] offerCustomer = sorted(customerTimes);
        long[] offerRouting = sorted(routingTimes);
        long[] offerAgent = sorted(agentTimes);
        System.out.printf("  customer's send -> offer recorded (routing.offer.offered_at): %s%n", summary(offerCustomer));
        System.out.printf("  contact arrival (routing.contact.arrived_at) -> offer recorded: %s%n", summary(offerRouting));
        System.out.printf("  customer's send -> offer seen by the agent's page (live signal, then its offers read): %s%n",
                summary(offerAgent));
        System.out.printf("  customer's send -> ack of the first message (the case opened): %s%n", summary(firstAcks.sorted()));
        // Which arrivals were slowest (1 is the first timed chat to arrive): early ones point at a cold application.
        var order = firstSent.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        var slowest = new ArrayList<String>();
        offers.values().stream()
                .sorted((a, b) -> Duration.between(firstSent.get(b.digest()), b.offeredAt())
                        .compareTo(Duration.between(firstSent.get(a.digest()), a.offeredAt())))
                .limit(5)
                .forEach(o -> slowest.add(String.format("#%d %.0f ms", 1 + order.indexOf(o.digest()),
                        Duration.between(firstSent.get(o.digest()), o.offeredAt()).toNanos() / 1e6)));
        System.out.printf("  slowest send -> offer, by arrival: %s%n", String.join(", ", slowest));

        // 4. Each accepting agent opens the case's agent socket, as the case page's chat panel does.
        var cookies = new HashMap<String, String>();
        agents.forEach(a -> cookies.put(a.id(), a.cookie()));
        var panelOf = new HashMap<Widget, Panel>();
        for (var w : chats) {
            var o = everyOffer.get(digest(w.token));
            if (o == null || !w.joined.isDone()) {
                continue;
            }
            var panel = new Panel();
            var ws = http.newWebSocketBuilder().header("Origin", settings.origin()).header("Cookie", cookies.get(o.agentId()))
                    .buildAsync(settings.ws("/chat/agent/ws?case=" + o.caseNumber()), panel).get(30, TimeUnit.SECONDS);
            panel.ws = ws;
            panel.send("{\"type\":\"hello\",\"after\":0}");
            panel.welcome.get(30, TimeUnit.SECONDS);
            synchronized (panels) {
                panels.add(panel);
            }
            panelOf.put(w, panel);
        }
        var talking = new ArrayList<>(panelOf.keySet());
        System.out.printf("Agent sockets: %d open, one per accepted chat%n", talking.size());
        if (talking.isEmpty() || settings.rate() / talking.size() > 0.4) {
            throw new IllegalStateException("too few accepted chats (" + talking.size() + ") for " + settings.rate()
                    + " messages/s under the server's rate limit of 30 a minute per chat");
        }

        // 5. Steady rate: R customer messages a second over the chats, 10 s of warm-up, then the measured seconds.
        acks = new Recorder();
        long messageGap = (long) (1e9 / settings.rate());
        int warmup = (int) (settings.rate() * 10);
        int measured = (int) (settings.rate() * settings.seconds());
        long steadyStart = System.nanoTime();
        Cpu cpuBefore = null;
        long measureStart = 0;
        for (int k = 0; k < warmup + measured; k++) {
            if (k == warmup) {
                acks.on = true;
                deliveries.on = true;
                cpuBefore = Cpu.now(settings);
                measureStart = System.nanoTime();
            }
            long wait = steadyStart + k * messageGap - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            var w = talking.get(k % talking.size());
            String id = "c-" + w.index + "-" + (w.sent++);
            if (k >= warmup) {
                long now = System.nanoTime();
                ackPending.put(id, now);
                deliveryPending.put(id, now);
            }
            w.send("{\"type\":\"message\",\"id\":\"" + id + "\",\"text\":\"It happened again at " + k
                    + ", the light blinks orange and then the connection is gone for two minutes.\"}");
        }
        double sendSeconds = (System.nanoTime() - measureStart) / 1e9;
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while ((!deliveryPending.isEmpty() || !ackPending.isEmpty()) && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        var cpu = Cpu.now(settings).minus(cpuBefore);
        double wall = (System.nanoTime() - measureStart) / 1e9;
        acks.on = false;
        deliveries.on = false;

        long stillOpen = Arrays.stream(widgets).filter(w -> w.ws != null && !w.closed && w.started.isDone()).count();
        long panelsOpen = panels.stream().filter(p -> !p.closed).count();
        var heapEnd = Memory.of(settings);
        long[] delivery = deliveries.sorted();
        long[] ack = acks.sorted();

        System.out.println();
        System.out.printf("Steady rate: %d messages in %.1f s (%.1f/s) over %d chats, after %d warm-up messages%n", measured,
                sendSeconds, measured / sendSeconds, talking.size(), warmup);
        System.out.printf("  customer send -> agent socket receipt: %s%n", summary(delivery));
        System.out.printf("  customer send -> customer's ack:       %s%n", summary(ack));
        System.out.printf("  not received by the agent after 15 s: %d; not acknowledged: %d; error frames: %d %s%n",
                deliveryPending.size(), ackPending.size(), errors.get(),
                errorCodes.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
        if (cpu.known()) {
            System.out.printf("  CPU per message, ms (cores busy): application %.2f (%.2f), PostgreSQL %.2f (%.2f), load client "
                            + "%.2f (%.2f), other processes (%.2f)%n",
                    cpu.app() * 1000 / measured, cpu.app() / wall, cpu.postgres() * 1000 / measured, cpu.postgres() / wall,
                    cpu.client() * 1000 / measured, cpu.client() / wall, cpu.others() / wall);
        }
        var cpuAll = Cpu.now(settings).minus(cpuStart);
        System.out.printf("  CPU since the ramp-up began, s: application %.1f, PostgreSQL %.1f, load client %.1f, other %.1f%n",
                cpuAll.app(), cpuAll.postgres(), cpuAll.client(), cpuAll.others());
        System.out.printf("Still connected at the end: %d of %d widgets, %d of %d agent sockets%n", stillOpen, widgets.length,
                panelsOpen, panels.size());
        closes.forEach((k, v) -> System.out.printf("  sockets %s: %d%n", k, v.get()));
        System.out.printf("Application memory at the end: heap after a full GC %s%n", heapEnd);

        // Verdicts.
        System.out.println();
        boolean connectedAll = stillOpen == settings.clients() && connected.get() == settings.clients();
        long heapMb = Math.max(heapConnected.heapUsedMb(), heapEnd.heapUsedMb());
        if (settings.clients() < TARGET_CLIENTS) {
            System.out.printf("Connections: %d of %d held with -Xmx%s (heap used %d MB): target of %d clients on at most 1 GB "
                    + "not tried at this N%n", stillOpen, settings.clients(), settings.heap(), heapMb, TARGET_CLIENTS);
        } else {
            System.out.printf("Connections: %d of %d held with -Xmx%s (heap used after GC %d MB): target of %d on at most 1 GB %s%n",
                    stillOpen, settings.clients(), settings.heap(), heapMb, TARGET_CLIENTS,
                    connectedAll && heapEnd.heapUsedMb() > 0 && heapMb <= TARGET_HEAP_MB && heapLimitOk(settings.heap())
                            ? "MET" : "NOT MET");
        }
        double p99 = percentile(delivery, 99);
        System.out.printf("Delivery customer -> agent: p99 %.1f ms at %.0f msgs/s: target p99 < %.0f ms %s%n", p99, settings.rate(),
                TARGET_DELIVERY_P99_MS, p99 < TARGET_DELIVERY_P99_MS && deliveryPending.isEmpty() ? "MET" : "NOT MET");
        double offerP99 = percentile(offerCustomer, 99);
        System.out.printf("Arrival -> offer (customer's send to the offer recorded): p99 %.1f ms at %.0f arrivals/s: target p99 < %.0f ms %s%n",
                offerP99, settings.arrivalRate(), TARGET_OFFER_P99_MS,
                offerP99 < TARGET_OFFER_P99_MS && offers.size() == firstSent.size() ? "MET" : "NOT MET");
        pinger.shutdownNow();
        for (var w : widgets) {
            if (w.ws != null) {
                w.ws.abort();
            }
        }
        panels.forEach(p -> p.ws.abort());
    }

    static boolean heapLimitOk(String heap) {
        String h = heap.toLowerCase();
        try {
            long mb = h.endsWith("g") ? Long.parseLong(h.substring(0, h.length() - 1)) * 1024
                    : h.endsWith("m") ? Long.parseLong(h.substring(0, h.length() - 1)) : Long.MAX_VALUE;
            return mb <= TARGET_HEAP_MB;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * The agent's page: it follows the live stream (/live/events, the session cookie), and on a
     * {@code routing} signal reads what it is offered and accepts it at once, as the offer card's
     * accept button would. Without a signal it looks again every {@link #FALLBACK_EVERY}, so a
     * stream that drops loses nothing (and a late offer shows as a slow one).
     */
    static void listen(Rest rest, Agent agent, Map<String, Instant> seen, java.util.concurrent.atomic.AtomicBoolean listening) {
        var answered = new java.util.HashSet<String>();
        var signals = new java.util.concurrent.LinkedBlockingQueue<Boolean>();
        var stream = Thread.ofVirtual().start(() -> {
            while (listening.get()) {
                try {
                    var request = HttpRequest.newBuilder(rest.base.resolve("/live/events")).header("Cookie", agent.cookie())
                            .header("Accept", "text/event-stream").GET().build();
                    var response = rest.http.send(request, HttpResponse.BodyHandlers.ofLines());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    try (var lines = response.body()) {
                        var it = lines.iterator();
                        while (listening.get() && it.hasNext()) {
                            if (it.next().equals("event:routing")) {
                                signals.offer(true);
                            }
                        }
                    }
                } catch (Exception e) {
                    if (listening.get()) {
                        System.out.println("  agent's live stream dropped: " + e.getMessage());
                    }
                }
            }
        });
        while (listening.get()) {
            try {
                signals.poll(FALLBACK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                signals.clear(); // one look answers every signal that came meanwhile
                var me = rest.call("GET", "/api/v1/routing/me", agent.token(), null, 200);
                var now = Instant.now();
                for (var contact : me.path("contacts")) {
                    if (!"offered".equals(contact.path("state").asString(""))) {
                        continue;
                    }
                    String contactId = contact.path("id").asString();
                    seen.putIfAbsent(contactId, now);
                    String offerId = contact.path("offerId").asString();
                    if (answered.add(offerId)) {
                        rest.call("POST", "/api/v1/routing/offers/" + offerId + "/accept", agent.token(), "{}", -1);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.out.println("  agent's look at its offers failed: " + e.getMessage());
            }
        }
        stream.interrupt();
    }

    record Offer(String digest, String contactId, String agentId, long caseNumber, Instant arrivedAt, Instant offeredAt) {}

    /** Each chat's first offer, read from routing's tables: when its contact arrived and when it was offered. */
    static Map<String, Offer> offers(Settings settings, java.util.Set<String> digests) throws Exception {
        var result = new HashMap<String, Offer>();
        try (Connection db = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
             var query = db.prepareStatement("""
                     select distinct on (c.id) v.visitor_digest, c.id, o.agent_id, v.case_number, c.arrived_at, o.offered_at
                     from chat.conversation v
                     join routing.contact c on c.id = v.contact_id
                     join routing.offer o on o.contact_id = c.id
                     where v.visitor_digest = any (?)
                     order by c.id, o.seq""")) {
            query.setArray(1, db.createArrayOf("text", digests.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString(1), new Offer(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant()));
                }
            }
        }
        return result;
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The REST API, the sign-in form and the agents' live streams, on the JDK's HttpClient. */
    static final class Rest {
        final URI base;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

        Rest(URI base) {
            this.base = base;
        }

        JsonNode call(String method, String path, String token, String json, int expected) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token)
                    .header("Accept", "application/json");
            if (json == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && response.statusCode() != expected || expected < 0 && response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }

        String token(String email, String password) throws IOException, InterruptedException {
            String basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
            return call("POST", "/api/v1/tokens", basic, "{\"name\":\"chat benchmark\"}", 201).get("token").asString();
        }

        /** Signs in through the sign-in form, as a browser does, and answers the session cookie. */
        String signIn(String email, String password) throws IOException, InterruptedException {
            var cookies = new CookieManager();
            var browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
            var login = browser.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(login.body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String form = Map.of("email", email, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var signedIn = browser.send(HttpRequest.newBuilder(base.resolve("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 302 || String.valueOf(signedIn.headers().firstValue("Location").orElse("")).contains("error")) {
                throw new IllegalStateException("sign-in of " + email + " failed: HTTP " + signedIn.statusCode());
            }
            return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

    /** The application's heap used after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}) and its RSS. */
    record Memory(long heapUsedMb, long heapCommittedMb, long rssMb) {

        static final Pattern COMMITTED = Pattern.compile("(?:committed|total) (\\d+)K");
        static final Pattern USED = Pattern.compile("used (\\d+)K");

        static Memory of(Settings settings) {
            if (settings.appPid() <= 0) {
                return new Memory(0, 0, 0);
            }
            try {
                jcmd(settings, "GC.run");
                String info = jcmd(settings, "GC.heap_info");
                var committed = COMMITTED.matcher(info);
                var usedK = USED.matcher(info);
                long total = committed.find() ? Long.parseLong(committed.group(1)) / 1024 : 0;
                long used = usedK.find() ? Long.parseLong(usedK.group(1)) / 1024 : 0;
                long rss = Files.readAllLines(Path.of("/proc", Long.toString(settings.appPid()), "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                        .findFirst().orElse(0L);
                return new Memory(used, total, rss);
            } catch (Exception e) {
                System.out.println("  (memory not read: " + e.getMessage() + ")");
                return new Memory(0, 0, 0);
            }
        }

        private static String jcmd(Settings settings, String command) throws IOException, InterruptedException {
            var process = new ProcessBuilder(settings.jcmd(), Long.toString(settings.appPid()), command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return out;
        }

        @Override
        public String toString() {
            return "%d MB used (of %d MB committed); RSS %d MB".formatted(heapUsedMb, heapCommittedMb, rssMb);
        }
    }

    /**
     * CPU seconds used by the application, by PostgreSQL (the server and its backends, running or
     * ended), by this client, and by the whole machine. Read from Linux's /proc; zero elsewhere.
     */
    record Cpu(double app, double postgres, double client, double machine) {

        static final double TICKS = 100.0;

        static Cpu now(Settings settings) {
            return new Cpu(settings.appPid() > 0 ? process(settings.appPid(), false) : 0,
                    settings.postgresPid() > 0 ? postgres(settings.postgresPid()) : 0, process(ProcessHandle.current().pid(), false),
                    machineBusy());
        }

        Cpu minus(Cpu before) {
            return new Cpu(app - before.app, postgres - before.postgres, client - before.client, machine - before.machine);
        }

        double others() {
            return Math.max(0, machine - app - postgres - client);
        }

        boolean known() {
            return postgres > 0;
        }

        private static double machineBusy() {
            try (var lines = Files.lines(Path.of("/proc/stat"))) {
                String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(fields[i]);
                    }
                }
                return busy / TICKS;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private static double postgres(long postmaster) {
            double total = process(postmaster, true);
            try (var entries = Files.list(Path.of("/proc"))) {
                for (var entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit)) {
                        String[] fields = fields(Long.parseLong(name));
                        if (fields != null && Long.parseLong(fields[1]) == postmaster) {
                            total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
                        }
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return total;
        }

        private static double process(long pid, boolean children) {
            String[] fields = fields(pid);
            if (fields == null) {
                return 0;
            }
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (children) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / TICKS;
        }

        private static String[] fields(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
