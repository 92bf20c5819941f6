import java.io.IOException;
import java.net.URI;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Case creation through the REST API against the same rows written with plain JDBC, on the same
 * PostgreSQL, with the same number of concurrent clients. Started by {@code bench/case-creation.sh},
 * which runs Casekeeper and passes its address, the admin's credentials and the database's JDBC URL.
 *
 * <p>Both sides open cases for the same mix of requesters: every other case comes from a new
 * customer, the others from returning customers (created by the warm-up). The raw side runs the
 * statements the application ends up running for one case, in one transaction per case, without
 * batching: look up the requester's email; for a new one insert the customer and the identity;
 * insert the case (taking the next number), the first timeline entry and the history row; then
 * what the reactions write: the SLA record and its timer, the message's score, and as many event
 * publications as the API path writes for a new case, inserted and deleted as completed (none since
 * the case's reactions run in its transaction, ADR 0015); commit.
 *
 * <p>Runs with the JDK's source launcher and needs only the PostgreSQL JDBC driver on the class
 * path. A benchmark, not a test: it prints figures and asserts nothing about them.
 */
public class CaseCreationBenchmark {

    /**
     * Durable listeners a new case's events reach, one publication each. None: SLA clocks, scoring and
     * the repeat-contact check run in the case's own transaction (ADR 0015). Before that, three.
     */
    static final List<String> LISTENERS = List.of();

    /** The target from the architecture notes: the API reaches at least half the raw rate. */
    static final double TARGET_RATIO = 0.5;

    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    static final String BODY = "Hello, I ordered a blue shower curtain (order 88213) and received a green one. "
            + "The box says blue, the curtain inside is green. I would like the right colour sent, and a label "
            + "to return the wrong one. I already tried the chat on Tuesday but nobody answered. Thanks, %s";

    record Settings(
            URI baseUrl,
            String jdbcUrl,
            String jdbcUser,
            String jdbcPassword,
            String email,
            String password,
            int cases,
            int clients,
            int warmup,
            int warmupMax,
            int rounds,
            long appPid,
            long postgresPid) {

        static Settings parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return new Settings(
                    URI.create(required(options, "base-url")),
                    required(options, "jdbc-url"),
                    options.getOrDefault("jdbc-user", "casekeeper"),
                    required(options, "jdbc-password"),
                    required(options, "email"),
                    required(options, "password"),
                    Integer.parseInt(options.getOrDefault("cases", "5000")),
                    Integer.parseInt(options.getOrDefault("clients", "8")),
                    Integer.parseInt(options.getOrDefault("warmup", "10000")),
                    Integer.parseInt(options.getOrDefault("warmup-max", "40000")),
                    Integer.parseInt(options.getOrDefault("rounds", "5")),
                    Long.parseLong(options.getOrDefault("app-pid", "0")),
                    Long.parseLong(options.getOrDefault("postgres-pid", "0")));
        }

        private static String required(Map<String, String> options, String name) {
            String value = options.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("missing --" + name + "=...");
            }
            return value;
        }
    }

    /** Who asks for case {@code i}: a new customer for even {@code i}, a returning one otherwise. */
    record Requesters(String newPrefix, List<String> returning) {

        String email(int i) {
            return i % 2 == 0 || returning.isEmpty()
                    ? newPrefix + "-" + i + "@bench.example"
                    : returning.get((i / 2) % returning.size());
        }

        String name(int i) {
            return "Bench Customer " + email(i).substring(0, email(i).indexOf('@'));
        }
    }

    /** One concurrent client: it opens case {@code i} and returns when the case is committed. */
    interface Client extends AutoCloseable {
        void open(int i) throws Exception;

        /** After the measured part: make what this client did count in PostgreSQL's statistics now. */
        default void reportStatistics() throws SQLException {}

        @Override
        default void close() throws SQLException {}
    }

    record Result(String name, int count, int clients, long elapsedNanos, long[] latencies, int failures,
            String firstFailure, Cpu cpu, Rows rows) {

        /** Two rounds of the same side as one: their cases, times, latencies, CPU and rows added up. */
        Result plus(Result other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            return new Result(name, count + other.count, clients, elapsedNanos + other.elapsedNanos, all,
                    failures + other.failures, firstFailure.isEmpty() ? other.firstFailure : firstFailure,
                    cpu.plus(other.cpu), rows.plus(other.rows));
        }

        double perSecond() {
            return count * 1e9 / elapsedNanos;
        }

        double percentileMillis(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
        }

        double maxMillis() {
            return Arrays.stream(latencies).max().orElse(0) / 1e6;
        }
    }

    /**
     * The listeners' work left when the last case of a round was answered: event publications not yet
     * completed, how long they took to complete, and the CPU spent meanwhile.
     */
    record Drain(long pending, long nanos, Cpu cpu) {

        Drain plus(Drain other) {
            return new Drain(pending + other.pending, nanos + other.nanos, cpu.plus(other.cpu));
        }

        void report(Result api) {
            System.out.printf(Locale.ROOT, "Listener work (event publications) pending when the last case of an API round"
                            + " was answered: %d in all, %.2f per case; it took %.1f s in all to drain%n",
                    pending, (double) pending / api.count(), nanos / 1e9);
            double seconds = (api.elapsedNanos() + nanos) / 1e9;
            System.out.printf(Locale.ROOT, "REST API with the listeners' work done: %.1f cases/s; CPU per case in ms"
                            + " including it: application %.2f, PostgreSQL %.2f%n", api.count() / seconds,
                    (api.cpu().app() + cpu.app()) * 1000 / api.count(), (api.cpu().postgres() + cpu.postgres()) * 1000 / api.count());
        }
    }

    /** Waits until no event publication is pending (failed ones excepted). */
    static Drain drain(Settings settings, Connection db) throws Exception {
        var before = Cpu.now(settings);
        long began = System.nanoTime();
        long pending = scalar(db, "select count(*) from event_publication where completion_date is null"
                + " and status is distinct from 'FAILED'");
        long deadline = began + 600_000_000_000L;
        while (pending > 0 && scalar(db, "select count(*) from (select 1 from event_publication where completion_date is null"
                + " and status is distinct from 'FAILED' limit 1) p") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("event publications still pending after 10 minutes");
            }
            Thread.sleep(10);
        }
        return new Drain(pending, System.nanoTime() - began, Cpu.now(settings).minus(before));
    }

    static long scalar(Connection db, String sql) throws SQLException {
        try (var query = db.createStatement(); var result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Rows in the tables a new case writes to, to show both sides wrote the same. */
    record Rows(long cases, long customers, long identities, long entries, long history, long publications,
            long slaRecords, long timers, long scores) {

        Rows minus(Rows before) {
            return new Rows(cases - before.cases, customers - before.customers, identities - before.identities,
                    entries - before.entries, history - before.history, publications - before.publications,
                    slaRecords - before.slaRecords, timers - before.timers, scores - before.scores);
        }

        Rows plus(Rows other) {
            return new Rows(cases + other.cases, customers + other.customers, identities + other.identities,
                    entries + other.entries, history + other.history, publications + other.publications,
                    slaRecords + other.slaRecords, timers + other.timers, scores + other.scores);
        }

        @Override
        public String toString() {
            return ("%d cases, %d customers, %d identities, %d timeline entries, %d history rows, %d event publications,"
                    + " %d SLA records, %d timers, %d scores")
                    .formatted(cases, customers, identities, entries, history, publications, slaRecords, timers, scores);
        }
    }

    /**
     * CPU seconds used by the application, by PostgreSQL (the server and its backends, running or
     * ended), by this client, and by the whole machine (so by everything else too). Read from Linux's
     * /proc; elsewhere, and for processes not given, the figures are zero and are not printed.
     */
    record Cpu(double app, double postgres, double client, double machine) {

        /** Kernel clock ticks per second, 100 on Linux (USER_HZ). */
        static final double TICKS = 100.0;

        static Cpu now(Settings settings) {
            return new Cpu(
                    settings.appPid() > 0 ? process(settings.appPid(), false) : 0,
                    settings.postgresPid() > 0 ? postgres(settings.postgresPid()) : 0,
                    process(ProcessHandle.current().pid(), false),
                    machineBusy());
        }

        Cpu minus(Cpu before) {
            return new Cpu(app - before.app, postgres - before.postgres, client - before.client,
                    machine - before.machine);
        }

        Cpu plus(Cpu other) {
            return new Cpu(app + other.app, postgres + other.postgres, client + other.client, machine + other.machine);
        }

        double others() {
            return Math.max(0, machine - app - postgres - client);
        }

        /** Busy time of all CPUs: the first line of /proc/stat without idle and iowait. */
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

        /** Whether the processes were given and /proc could be read. */
        boolean known() {
            return postgres > 0;
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

        /** utime + stime, and with {@code children} the time of ended children the process has reaped. */
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

        /** The fields of /proc/PID/stat after the command name, so index 0 is the state and 1 the parent. */
        private static String[] fields(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        var settings = Settings.parse(args);
        String run = Long.toString(System.currentTimeMillis(), 36);
        // Keep one connection alive per client (the JDK keeps 5 per server unless told).
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, settings.clients())));
        String token = token(settings);

        try (Connection db = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword())) {
            UUID agentId = agentId(db, settings.email());
            System.out.printf("Case creation: %d cases per side, %d concurrent clients, in %d rounds;"
                            + " warm-up at least %d cases per side (not counted)%n",
                    settings.cases(), settings.clients(), settings.rounds(), settings.warmup());
            System.out.println("PostgreSQL " + db.getMetaData().getDatabaseProductVersion() + " at " + settings.jdbcUrl());

            // Customers of the warm-up's first cases are the returning customers of both measured sides.
            var warmupRequesters = new Requesters("returning-" + run, List.of());
            var returning = new ArrayList<String>();
            for (int i = 0; i < Math.min(settings.warmup(), 2 * RETURNING_CUSTOMERS); i += 2) {
                returning.add(warmupRequesters.email(i));
            }

            warmUp("API warm-up", settings, db, (from, to) -> {
                var step = measure("API warm-up", settings, db, from, to,
                        () -> new ApiClient(settings.baseUrl(), token, warmupRequesters));
                drain(settings, db);
                return step;
            });
            var rawWarmupRequesters = new Requesters("raw-warm-" + run, returning);
            warmUp("JDBC warm-up", settings, db, (from, to) -> measure("JDBC warm-up", settings, db, from, to,
                    () -> new JdbcClient(settings, agentId, rawWarmupRequesters)));

            // The two sides take turns, so that a change in what else runs on the machine falls on both.
            var apiRequesters = new Requesters("api-" + run, returning);
            var rawRequesters = new Requesters("raw-" + run, returning);
            Result api = null;
            Result raw = null;
            var roundRatios = new ArrayList<String>();
            Drain drained = null;
            int rounds = Math.max(1, Math.min(settings.rounds(), settings.cases()));
            for (int round = 0; round < rounds; round++) {
                int from = (int) ((long) settings.cases() * round / rounds);
                int to = (int) ((long) settings.cases() * (round + 1) / rounds);
                System.out.printf("Round %d of %d: %d cases through the API, then %d with plain JDBC ...%n",
                        round + 1, rounds, to - from, to - from);
                var apiRound = measure("REST API", settings, db, from, to,
                        () -> new ApiClient(settings.baseUrl(), token, apiRequesters));
                // The other modules' listeners react to the new cases after commit: their work is done
                // before the other side runs, so that it does not take that side's CPU, and reported.
                var drain = drain(settings, db);
                drained = drained == null ? drain : drained.plus(drain);
                var rawRound = measure("plain JDBC", settings, db, from, to,
                        () -> new JdbcClient(settings, agentId, rawRequesters));
                roundRatios.add(String.format(Locale.ROOT, "%.2f", apiRound.perSecond() / rawRound.perSecond()));
                api = api == null ? apiRound : api.plus(apiRound);
                raw = raw == null ? rawRound : raw.plus(rawRound);
            }

            report(settings, api, raw, roundRatios);
            drained.report(api);
            if (api.failures() > 0 || raw.failures() > 0) {
                System.exit(1);
            }
        }
    }

    static void report(Settings settings, Result api, Result raw, List<String> roundRatios) {
        System.out.println();
        System.out.printf("%-12s %10s %9s %9s %9s %9s %9s%n", "", "cases/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "failures");
        for (var result : List.of(api, raw)) {
            System.out.printf(Locale.ROOT, "%-12s %10.1f %9.2f %9.2f %9.2f %9.2f %9d%n", result.name(),
                    result.perSecond(), result.percentileMillis(50), result.percentileMillis(95),
                    result.percentileMillis(99), result.maxMillis(), result.failures());
        }
        if (api.cpu().known()) {
            System.out.println();
            System.out.println("CPU per case in ms, and in brackets the cores kept busy on average:");
            System.out.printf("%-12s %15s %15s %15s %15s%n", "", "application", "PostgreSQL", "load client",
                    "other processes");
            for (var result : List.of(api, raw)) {
                double seconds = result.elapsedNanos() / 1e9;
                var cpu = result.cpu();
                System.out.printf(Locale.ROOT, "%-12s %7.2f (%4.2f) %7.2f (%4.2f) %7.2f (%4.2f) %7s (%4.2f)%n",
                        result.name(),
                        cpu.app() * 1000 / result.count(), cpu.app() / seconds,
                        cpu.postgres() * 1000 / result.count(), cpu.postgres() / seconds,
                        cpu.client() * 1000 / result.count(), cpu.client() / seconds,
                        "", cpu.others() / seconds);
            }
        }
        System.out.println();
        System.out.println("Rows written through the API: " + api.rows());
        System.out.println("Rows written with plain JDBC: " + raw.rows());
        if (roundRatios.size() > 1) {
            System.out.println("API / raw per round: " + String.join(" ", roundRatios));
        }
        double ratio = api.perSecond() / raw.perSecond();
        String verdict = settings.clients() != 8
                ? "the target is defined at C=8; this run used C=" + settings.clients()
                : ratio >= TARGET_RATIO ? "met" : "NOT met";
        System.out.printf(Locale.ROOT, "API / raw = %.2f (target >= %.1f at C=8: %s)%n", ratio, TARGET_RATIO, verdict);
        for (var result : List.of(api, raw)) {
            if (result.failures() > 0) {
                System.out.println(result.name() + ": " + result.failures() + " failed, first: " + result.firstFailure());
            }
        }
    }

    interface ClientFactory {
        Client create() throws Exception;
    }

    /**
     * Runs {@code count} case openings on {@code clients} threads, each with its own client, and
     * times each one. Clients are created (connections opened) before the clock starts.
     */
    static Result measure(String name, Settings settings, Connection db, int from, int to, ClientFactory factory)
            throws Exception {
        int clients = settings.clients();
        int count = to - from;
        var latencies = new long[count];
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        var firstFailure = new AtomicReference<String>("");
        var ready = new CountDownLatch(clients);
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        var created = new ArrayList<Client>();
        for (int c = 0; c < clients; c++) {
            created.add(factory.create());
        }
        for (var client : created) {
            threads.add(Thread.ofPlatform().name(name + "-client").start(() -> {
                ready.countDown();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    try {
                        client.open(from + i);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet("", e.toString());
                    }
                    latencies[i] = System.nanoTime() - begin;
                }
            }));
        }
        ready.await();
        var rowsBefore = rows(db);
        var cpuBefore = Cpu.now(settings);
        long began = System.nanoTime();
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - began;
        var cpu = Cpu.now(settings).minus(cpuBefore);
        for (var client : created) {
            client.reportStatistics();
        }
        var written = rows(db).minus(rowsBefore);
        for (var client : created) {
            client.close();
        }
        return new Result(name, count, clients, elapsed, latencies, failures.get(), firstFailure.get(), cpu, written);
    }

    /** How many returning customers the warm-up creates (when it runs long enough). */
    static final int RETURNING_CUSTOMERS = 1000;

    /** Cases per warm-up step. */
    static final int WARMUP_STEP = 1000;

    /** Warm-up steps compared with as many before them to tell whether the JIT has settled. */
    static final int SETTLE_WINDOW = 5;

    interface Batch {
        Result run(int from, int to) throws Exception;
    }

    /**
     * Opens cases, not counted, until the JIT compilers have done their work: at least the minimum,
     * then step by step for as long as the CPU the Java processes spend per case (application and load
     * client, what JIT compilation changes) still falls: the mean of the last five steps more than 5%
     * below that of the five before; at most the maximum. On a busy machine the compilers get little
     * CPU and need many more cases than on an idle one: a short fixed warm-up measured a half-compiled
     * application.
     */
    static void warmUp(String name, Settings settings, Connection db, Batch batch) throws Exception {
        System.out.print(name + ", CPU ms per case of the Java processes, per " + WARMUP_STEP + " cases:");
        var perStep = new ArrayList<Double>();
        int done = 0;
        while (done < settings.warmupMax()) {
            int step = Math.min(WARMUP_STEP, settings.warmupMax() - done);
            var result = batch.run(done, done + step);
            check(result);
            done += step;
            double perCase = (result.cpu().app() + result.cpu().client()) * 1000 / step;
            perStep.add(perCase);
            System.out.printf(Locale.ROOT, " %.2f", perCase);
            if (done >= settings.warmup() && (!result.cpu().known() || settled(perStep))) {
                break;
            }
        }
        System.out.printf(" (%d cases)%n", done);
    }

    static boolean settled(List<Double> perStep) {
        int n = perStep.size();
        if (n < 2 * SETTLE_WINDOW) {
            return false;
        }
        double last = mean(perStep.subList(n - SETTLE_WINDOW, n));
        double before = mean(perStep.subList(n - 2 * SETTLE_WINDOW, n - SETTLE_WINDOW));
        return last >= before * 0.95;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static void check(Result warmup) {
        if (warmup.failures() > 0) {
            System.err.println(warmup.name() + ": " + warmup.failures() + " failed, first: " + warmup.firstFailure());
            System.exit(1);
        }
    }

    /**
     * {@code POST /api/v1/cases}, as an integration would send it, over a kept-alive connection.
     * {@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: the load client shares
     * the machine with the application, and the synchronous client costs it far less CPU per request.
     */
    record ApiClient(URL cases, String token, Requesters requesters) implements Client {

        ApiClient(URI baseUrl, String token, Requesters requesters) throws IOException {
            this(baseUrl.resolve("/api/v1/cases").toURL(), token, requesters);
        }

        @Override
        public void open(int i) throws IOException {
            String json = """
                    {"subject":%s,"requester":{"email":%s,"name":%s},"message":{"body":%s},"priority":"normal","tags":["benchmark"]}"""
                    .formatted(quote("Wrong colour delivered, order " + i), quote(requesters.email(i)),
                            quote(requesters.name(i)), quote(BODY.formatted(requesters.name(i))));
            var response = post(cases, "Bearer " + token, json);
            if (response.status() != 201) {
                throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
            }
        }
    }

    record Response(int status, String body) {}

    /** Posts JSON and reads the whole answer, which returns the connection to the keep-alive pool. */
    static Response post(URL url, String authorization, String json) throws IOException {
        var connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        connection.setRequestProperty("Authorization", authorization);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", "application/json");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(body.length);
        try (var out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        var in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new Response(status, "");
        }
        try (in) {
            return new Response(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The application's statements for one new case, in one transaction, on a connection of its
     * own. Statements are prepared once per connection, which is what the driver's statement cache
     * gives the application too.
     */
    static final class JdbcClient implements Client {

        private final Connection connection;
        private final UUID agentId;
        private final Requesters requesters;
        private final PreparedStatement findOwner;
        private final PreparedStatement insertCustomer;
        private final PreparedStatement insertIdentity;
        private final PreparedStatement insertCase;
        private final PreparedStatement insertEntry;
        private final PreparedStatement insertHistory;
        private final PreparedStatement insertSla;
        private final PreparedStatement insertTimer;
        private final PreparedStatement insertScore;
        private final PreparedStatement insertPublication;
        private final PreparedStatement deletePublication;

        JdbcClient(Settings settings, UUID agentId, Requesters requesters) throws SQLException {
            this.connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
            this.connection.setAutoCommit(false);
            this.agentId = agentId;
            this.requesters = requesters;
            this.findOwner = connection.prepareStatement(
                    "select customer_id from customers.identity where kind = ? and value = ?");
            this.insertCustomer = connection.prepareStatement("""
                    insert into customers.customer (id, display_name, created_at, updated_at)
                    values (?, ?, ?, ?)""");
            this.insertIdentity = connection.prepareStatement("""
                    insert into customers.identity (id, customer_id, kind, value, verified, created_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (kind, value) do nothing
                    returning customer_id""");
            this.insertCase = connection.prepareStatement("""
                    insert into cases.support_case
                        (id, subject, requester_id, channel, status, priority, tags, team_id, follow_up_of,
                         created_at, updated_at)
                    values (?, ?, ?, ?, 'new', ?, string_to_array(?, chr(31)), ?, ?, ?, ?)
                    returning number""");
            this.insertEntry = connection.prepareStatement("""
                    insert into cases.timeline_entry
                        (id, case_id, kind, author_kind, author_id, body_text, body_html, event_type, data, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""");
            this.insertHistory = connection.prepareStatement("""
                    insert into cases.history (case_id, actor_kind, actor_id, field, before, after, at)
                    values (?, ?, ?, ?, ?, ?, ?)""");
            // What the reactions write for a new case: the SLA record and its timer, the message's
            // frustration score, and the event publications, written and then completed (deleted).
            this.insertSla = connection.prepareStatement("""
                    insert into sla.case_sla (case_id, policy_id, closed, timers, updated_at)
                    values (?, (select id from sla.policy order by position limit 1), false, array[?], ?)""");
            this.insertTimer = connection.prepareStatement("""
                    insert into scheduling.scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                    values ('sla-clock', ?, ?, ?, false, 1)""");
            this.insertScore = connection.prepareStatement("""
                    insert into assist.message_score
                        (entry_id, case_id, score, level, supervisor_requested, language, reasons, scored_at, message_at)
                    values (?, ?, 10, 'calm', false, 'en', '[]'::jsonb, ?, ?)""");
            this.insertPublication = connection.prepareStatement("""
                    insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)
                    values (?, ?, ?, ?, ?)""");
            this.deletePublication = connection.prepareStatement("delete from event_publication where id = ?");
        }

        @Override
        public void open(int i) throws SQLException {
            try {
                var now = Timestamp.from(Instant.now());
                String email = requesters.email(i);
                UUID customerId = findOwner(email);
                if (customerId == null) {
                    customerId = UUID.randomUUID();
                    insertCustomer.setObject(1, customerId);
                    insertCustomer.setString(2, requesters.name(i));
                    insertCustomer.setTimestamp(3, now);
                    insertCustomer.setTimestamp(4, now);
                    insertCustomer.executeUpdate();
                    insertIdentity.setObject(1, UUID.randomUUID());
                    insertIdentity.setObject(2, customerId);
                    insertIdentity.setString(3, "email");
                    insertIdentity.setString(4, email);
                    insertIdentity.setBoolean(5, false);
                    insertIdentity.setTimestamp(6, now);
                    try (ResultSet owner = insertIdentity.executeQuery()) {
                        if (!owner.next()) {
                            throw new SQLException("identity " + email + " already taken");
                        }
                    }
                }
                var caseId = UUID.randomUUID();
                insertCase.setObject(1, caseId);
                insertCase.setString(2, "Wrong colour delivered, order " + i);
                insertCase.setObject(3, customerId);
                insertCase.setString(4, "api");
                insertCase.setString(5, "normal");
                insertCase.setString(6, "benchmark");
                insertCase.setObject(7, null);
                insertCase.setObject(8, null);
                insertCase.setTimestamp(9, now);
                insertCase.setTimestamp(10, now);
                try (ResultSet number = insertCase.executeQuery()) {
                    number.next();
                    number.getLong(1);
                }
                var entryId = UUID.randomUUID();
                insertEntry.setObject(1, entryId);
                insertEntry.setObject(2, caseId);
                insertEntry.setString(3, "message_in");
                insertEntry.setString(4, "customer");
                insertEntry.setObject(5, customerId);
                insertEntry.setString(6, BODY.formatted(requesters.name(i)));
                insertEntry.setString(7, null);
                insertEntry.setString(8, null);
                insertEntry.setString(9, null);
                insertEntry.setTimestamp(10, now);
                insertEntry.executeUpdate();
                insertHistory.setObject(1, caseId);
                insertHistory.setString(2, "agent");
                insertHistory.setObject(3, agentId);
                insertHistory.setString(4, "created");
                insertHistory.setString(5, null);
                insertHistory.setString(6, "new");
                insertHistory.setTimestamp(7, now);
                insertHistory.executeUpdate();
                reactions(caseId, entryId, now);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }

        /** The rows the reactions to a new case write, in the case's transaction. */
        private void reactions(UUID caseId, UUID entryId, Timestamp now) throws SQLException {
            var due = Timestamp.from(now.toInstant().plusSeconds(3600));
            String timer = "case-" + caseId + "-next-" + due.getTime();
            insertSla.setObject(1, caseId);
            insertSla.setString(2, timer);
            insertSla.setTimestamp(3, now);
            insertSla.executeUpdate();
            insertTimer.setString(1, timer);
            insertTimer.setBytes(2, serialized(caseId.toString()));
            insertTimer.setTimestamp(3, due);
            insertTimer.executeUpdate();
            insertScore.setObject(1, entryId);
            insertScore.setObject(2, caseId);
            insertScore.setTimestamp(3, now);
            insertScore.setTimestamp(4, now);
            insertScore.executeUpdate();
            var publications = new ArrayList<UUID>();
            for (var listener : LISTENERS) {
                var id = UUID.randomUUID();
                publications.add(id);
                insertPublication.setObject(1, id);
                insertPublication.setString(2, listener);
                insertPublication.setString(3, "dev.casekeeper.cases.MessageReceived");
                insertPublication.setString(4, "{\"caseId\":\"" + caseId + "\",\"entryId\":\"" + entryId + "\"}");
                insertPublication.setTimestamp(5, now);
                insertPublication.executeUpdate();
            }
            for (var id : publications) {
                deletePublication.setObject(1, id);
                deletePublication.executeUpdate();
            }
        }

        /** A timer's data as db-scheduler stores it (Java serialization of the case id). */
        private static byte[] serialized(String data) {
            var bytes = new java.io.ByteArrayOutputStream();
            try (var out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(data);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return bytes.toByteArray();
        }

        @Override
        public void reportStatistics() throws SQLException {
            try (var statement = connection.createStatement()) {
                statement.execute("select pg_stat_force_next_flush()");
                connection.commit();
            }
        }

        private UUID findOwner(String email) throws SQLException {
            findOwner.setString(1, "email");
            findOwner.setString(2, email);
            try (ResultSet owner = findOwner.executeQuery()) {
                return owner.next() ? owner.getObject(1, UUID.class) : null;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    static String token(Settings settings) throws IOException {
        String basic = Base64.getEncoder()
                .encodeToString((settings.email() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        var response = post(settings.baseUrl().resolve("/api/v1/tokens").toURL(), "Basic " + basic,
                "{\"name\":\"case-creation benchmark\"}");
        var matcher = TOKEN.matcher(response.body());
        if (response.status() != 201 || !matcher.find()) {
            throw new IllegalStateException("Could not get an API token: HTTP " + response.status() + " "
                    + response.body());
        }
        return matcher.group(1);
    }

    static UUID agentId(Connection db, String email) throws SQLException {
        try (var query = db.prepareStatement("select id from agents.agent where email = ?")) {
            query.setString(1, email.toLowerCase(Locale.ROOT));
            try (var result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("No agent " + email + " in " + db.getMetaData().getURL());
                }
                return result.getObject(1, UUID.class);
            }
        }
    }

    /**
     * The rows now. Event publications are deleted once completed, so they are counted from
     * PostgreSQL's statistics, which each backend reports when it next goes idle (within about ten
     * seconds): read until two readings a second apart agree.
     */
    static Rows rows(Connection db) throws SQLException {
        var rows = count(db);
        for (int i = 0; i < 12; i++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return rows;
            }
            var again = count(db);
            if (again.equals(rows)) {
                return rows;
            }
            rows = again;
        }
        return rows;
    }

    private static Rows count(Connection db) throws SQLException {
        try (var query = db.createStatement();
                var result = query.executeQuery("""
                        select (select count(*) from cases.support_case),
                               (select count(*) from customers.customer),
                               (select count(*) from customers.identity),
                               (select count(*) from cases.timeline_entry),
                               (select count(*) from cases.history),
                               (select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables
                                where relname = 'event_publication'),
                               (select count(*) from sla.case_sla),
                               (select count(*) from scheduling.scheduled_tasks where task_name = 'sla-clock'),
                               (select count(*) from assist.message_score)""")) {
            result.next();
            return new Rows(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4),
                    result.getLong(5), result.getLong(6), result.getLong(7), result.getLong(8), result.getLong(9));
        }
    }

    static String quote(String value) {
        var json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
