import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * Email ingestion: messages sent to Casekeeper's SMTP listener by concurrent clients, how fast the
 * listener answers 250 (which it does only once the raw message is committed), and how fast the
 * stored messages become case entries (parsed, threaded, a case opened or joined). Beside it, the
 * same raw bytes inserted with plain JDBC into a table of the same shape by as many clients: the
 * least that "store before 250" can cost. Started by {@code bench/email-ingestion.sh}.
 *
 * <p>Every message is about 5 KB: a text part and one small attachment (multipart/mixed), with its
 * own Message-ID. Even-numbered messages come from a new customer and open a case; odd-numbered ones
 * answer (In-Reply-To, References) a message of the seed set, sent and ingested before the warm-up,
 * so they thread into an existing case.
 *
 * <p>Plain sockets speak SMTP (EHLO, then MAIL, RCPT, DATA per message on a kept session): the
 * simplest client that measures the listener and not a mail library. Needs only the PostgreSQL JDBC
 * driver on the class path. A benchmark, not a test: it prints figures and asserts only that every
 * message was accepted and ingested.
 */
public class EmailIngestionBenchmark {

    /** The target from the issue: messages parsed and threaded per second, end to end, on 2 cores. */
    static final double TARGET_PER_SECOND = 200;

    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    record Settings(URI baseUrl, String smtpHost, int smtpPort, String jdbcUrl, String jdbcUser, String jdbcPassword, String email,
            String password, int messages, int clients, int seeds, int warmup, int rounds, long appPid,
            long postgresPid, boolean statements) {

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
                    options.getOrDefault("smtp-host", "localhost"),
                    Integer.parseInt(required(options, "smtp-port")),
                    required(options, "jdbc-url"),
                    options.getOrDefault("jdbc-user", "casekeeper"),
                    required(options, "jdbc-password"),
                    required(options, "email"),
                    required(options, "password"),
                    Integer.parseInt(options.getOrDefault("messages", "5000")),
                    Integer.parseInt(options.getOrDefault("clients", "8")),
                    Integer.parseInt(options.getOrDefault("seeds", "500")),
                    Integer.parseInt(options.getOrDefault("warmup", "5000")),
                    Integer.parseInt(options.getOrDefault("rounds", "3")),
                    Long.parseLong(options.getOrDefault("app-pid", "0")),
                    Long.parseLong(options.getOrDefault("postgres-pid", "0")),
                    Boolean.parseBoolean(options.getOrDefault("statements", "false")));
        }

        private static String required(Map<String, String> options, String name) {
            String value = options.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("missing --" + name + "=...");
            }
            return value;
        }
    }

    /**
     * The messages of one run: {@code prefix} keeps Message-IDs and senders distinct between phases.
     * Message {@code i} is new for even {@code i}; odd ones answer seed message {@code (i / 2) % seeds}.
     */
    record Messages(String run, String prefix, String mailbox, int seeds, boolean seedsOnly) {

        static final String TEXT = """
                Hello,

                I ordered a blue shower curtain (order %1$s) and received a green one. The box says blue, the \
                curtain inside is green. I would like the right colour sent, and a label to return the wrong one.
                I attach the photo of the label on the box so you can see the article number.

                I already tried the chat on Tuesday but nobody answered, and the phone line was busy for an hour.
                It is not the first time: in March a towel set came in the wrong size, and it took three weeks to
                get it exchanged. I like your shop, but I would like this to be quicker this time.

                Could you also tell me whether the blue curtain is still in stock? If it is not, I would rather
                have my money back than wait for weeks. The order was paid by card, and the delivery address is
                the same as in my account.

                For the record, these are the details of the delivery:
                  - parcel number 00340434161094%1$s, delivered on Monday morning
                  - article 4711-BLUE-180x200, quantity 1
                  - packed by station 12, according to the slip in the box

                And one more thing: the curtain rings that came with it are fine, so please do not send those
                again. If you need the green curtain back before sending the blue one, tell me and I will bring
                it to the post office this week. I am at home on Wednesday and Friday afternoons if a courier
                should pick it up instead.

                I have been a customer for six years and have recommended your shop to friends and family more than
                once, so I hope this can be sorted out without much back and forth. If anything is unclear, you can
                reach me by email at any time, or by phone in the evening; the number is in my customer account.

                Thank you in advance, and kind regards,
                %2$s
                """;

        /** A small attachment: 2 KB, about 2.8 KB as base64 in the message. */
        static final String ATTACHMENT = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(("Article 4711-BLUE-180x200 / parcel 00340434161094 / station 12\n".repeat(32))
                        .getBytes(StandardCharsets.US_ASCII));

        String messageId(int i) {
            return prefix + "-" + i + "." + run + "@bench.example";
        }

        String seedId(int seed) {
            return "seed-" + seed + "." + run + "@bench.example";
        }

        boolean isReply(int i) {
            return !seedsOnly && i % 2 == 1;
        }

        String sender(int i) {
            return isReply(i) ? "seed-" + seed(i) + "." + run + "@customers.example"
                    : prefix + "-" + i + "." + run + "@customers.example";
        }

        int seed(int i) {
            return (i / 2) % seeds;
        }

        byte[] raw(int i) {
            String id = seedsOnly ? seedId(i) : messageId(i);
            String name = "Bench Customer " + i;
            var headers = new StringBuilder()
                    .append("From: ").append(name).append(" <").append(sender(i)).append(">\r\n")
                    .append("To: Support <").append(mailbox).append(">\r\n")
                    .append("Subject: ").append(isReply(i) ? "Re: Wrong colour delivered" : "Wrong colour delivered, order " + i)
                    .append("\r\n")
                    .append("Date: ").append(DATE.format(Instant.now())).append("\r\n")
                    .append("Message-ID: <").append(id).append(">\r\n");
            if (isReply(i)) {
                headers.append("In-Reply-To: <").append(seedId(seed(i))).append(">\r\n")
                        .append("References: <").append(seedId(seed(i))).append(">\r\n");
            }
            String boundary = "=_bench_" + i + "_" + run;
            headers.append("MIME-Version: 1.0\r\n")
                    .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n")
                    .append("\r\n")
                    .append("This is a multi-part message in MIME format.\r\n")
                    .append("--").append(boundary).append("\r\n")
                    .append("Content-Type: text/plain; charset=UTF-8\r\n")
                    .append("Content-Transfer-Encoding: 8bit\r\n\r\n")
                    .append(TEXT.formatted(i, name).replace("\n", "\r\n"))
                    .append("--").append(boundary).append("\r\n")
                    .append("Content-Type: text/plain; name=\"label.txt\"\r\n")
                    .append("Content-Disposition: attachment; filename=\"label.txt\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .append(ATTACHMENT).append("\r\n")
                    .append("--").append(boundary).append("--\r\n");
            return headers.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One concurrent client: it hands message {@code i} over and returns when it is stored. */
    interface Client extends AutoCloseable {
        void send(int i) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    interface ClientFactory {
        Client create() throws Exception;
    }

    /**
     * The side of an SMTP session a mail server would run: EHLO once, then per message MAIL FROM,
     * RCPT TO, DATA, the message, and the final dot, each waiting for its answer (no pipelining).
     * The latency recorded is from writing DATA until the 250 after the data.
     */
    static final class SmtpClient implements Client {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final Messages messages;
        private final long[] dataLatencies;
        private final int offset;

        SmtpClient(Settings settings, Messages messages, long[] dataLatencies, int offset) throws IOException {
            this.socket = new Socket(settings.smtpHost(), settings.smtpPort());
            this.socket.setTcpNoDelay(true);
            this.socket.setSoTimeout(60_000);
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
            this.messages = messages;
            this.dataLatencies = dataLatencies;
            this.offset = offset;
            expect(220);
            command("EHLO bench.client.example", 250);
        }

        @Override
        public void send(int i) throws IOException {
            command("MAIL FROM:<" + messages.sender(i) + ">", 250);
            command("RCPT TO:<" + messages.mailbox() + ">", 250);
            long begin = System.nanoTime();
            command("DATA", 354);
            out.write(messages.raw(i));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(250);
            dataLatencies[i - offset] = System.nanoTime() - begin;
        }

        private void command(String line, int expected) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(expected);
        }

        /** Reads one reply, multi-line ones included, and checks its code. */
        private void expect(int expected) throws IOException {
            while (true) {
                String line = readLine();
                if (line.length() < 3) {
                    throw new IOException("bad SMTP reply: " + line);
                }
                if (line.length() == 3 || line.charAt(3) == ' ') {
                    if (Integer.parseInt(line.substring(0, 3)) != expected) {
                        throw new IOException("expected " + expected + ", got: " + line);
                    }
                    return;
                }
            }
        }

        private String readLine() throws IOException {
            var line = new ByteArrayOutputStream(64);
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            if (b == -1) {
                throw new IOException("connection closed by the server");
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            try {
                command("QUIT", 221);
            } finally {
                socket.close();
            }
        }
    }

    /**
     * What "store before 250" costs at the least: the raw bytes, their hash and Message-ID, inserted
     * in one transaction per message (autocommit) into a table shaped like email.inbound_message.
     */
    static final class JdbcClient implements Client {

        private final Connection connection;
        private final PreparedStatement insert;
        private final Messages messages;
        private final UUID mailboxId;
        private final MessageDigest sha256;

        JdbcClient(Settings settings, Messages messages, UUID mailboxId) throws Exception {
            this.connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
            this.insert = connection.prepareStatement("""
                    insert into public.bench_inbound_message
                        (id, mailbox_id, source, envelope_from, envelope_to, message_id, content_hash, raw, size, received_at)
                    values (?, ?, 'smtp', ?, string_to_array(?, chr(31)), ?, ?, ?, ?, ?)
                    on conflict (mailbox_id, content_hash) do nothing""");
            this.messages = messages;
            this.mailboxId = mailboxId;
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void send(int i) throws SQLException {
            byte[] raw = messages.raw(i);
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, mailboxId);
            insert.setString(3, messages.sender(i));
            insert.setString(4, messages.mailbox());
            insert.setString(5, messages.messageId(i));
            insert.setBytes(6, sha256.digest(raw));
            insert.setBytes(7, raw);
            insert.setInt(8, raw.length);
            insert.setTimestamp(9, Timestamp.from(Instant.now()));
            if (insert.executeUpdate() != 1) {
                throw new SQLException("message " + i + " was already stored");
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** A timed run of {@code count} messages on {@code clients} threads, each with its own client. */
    record Result(String name, int count, long elapsedNanos, long[] latencies, int failures, String firstFailure,
            Cpu cpu) {

        Result plus(Result other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            return new Result(name, count + other.count, elapsedNanos + other.elapsedNanos, all,
                    failures + other.failures, firstFailure.isEmpty() ? other.firstFailure : firstFailure,
                    cpu.plus(other.cpu));
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
    }

    /**
     * An SMTP run: accepted (every 250 in), and ingested (every message a case entry), both timed
     * from the first send; the CPU figures cover the whole run up to the last ingestion.
     */
    record SmtpRun(Result accepted, long ingestedNanos, long casesOpened, long pendingAtIngested, long settledNanos,
            Cpu settledCpu) {

        SmtpRun plus(SmtpRun other) {
            return new SmtpRun(accepted.plus(other.accepted), ingestedNanos + other.ingestedNanos,
                    casesOpened + other.casesOpened, pendingAtIngested + other.pendingAtIngested,
                    settledNanos + other.settledNanos, settledCpu.plus(other.settledCpu));
        }

        double ingestedPerSecond() {
            return accepted.count() * 1e9 / ingestedNanos;
        }

        /** Messages per second until the listeners' work for them was done too (no publication pending). */
        double settledPerSecond() {
            return accepted.count() * 1e9 / settledNanos;
        }
    }

    public static void main(String[] args) throws Exception {
        var settings = Settings.parse(args);
        String run = Long.toString(System.currentTimeMillis(), 36);
        String mailbox = "bench-" + run + "@support.example";
        String token = token(settings);
        UUID mailboxId = createMailbox(settings, token, mailbox);

        try (Connection db = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword())) {
            System.out.printf("Email ingestion: %d messages per side (about %.1f KB each, one attachment), %d concurrent"
                            + " SMTP sessions, in %d rounds; %d seed messages, then a warm-up of %d (not counted)%n",
                    settings.messages(), new Messages(run, "x", mailbox, 1, false).raw(0).length / 1024.0,
                    settings.clients(), settings.rounds(), settings.seeds(), settings.warmup());
            System.out.println("PostgreSQL " + db.getMetaData().getDatabaseProductVersion() + " at " + settings.jdbcUrl()
                    + " (fsync " + setting(db, "fsync") + ", synchronous_commit " + setting(db, "synchronous_commit")
                    + "); SMTP listener on port " + settings.smtpPort() + "; mailbox " + mailbox);
            try (var create = db.createStatement()) {
                create.execute("drop table if exists public.bench_inbound_message");
                // The same columns, defaults, checks and indexes (the waiting queue's included); no foreign key.
                create.execute("create table public.bench_inbound_message (like email.inbound_message including all)");
            }
            try {
                var seeds = new Messages(run, "seed", mailbox, settings.seeds(), true);
                check(smtp("seeds", settings, db, mailboxId, seeds, 0, settings.seeds()).accepted());
                var warm = new Messages(run, "warm", mailbox, settings.seeds(), false);
                for (int from = 0; from < settings.warmup(); from += WARMUP_STEP) {
                    int to = Math.min(settings.warmup(), from + WARMUP_STEP);
                    var step = smtp("SMTP warm-up", settings, db, mailboxId, warm, from, to);
                    check(step.accepted());
                    System.out.printf(Locale.ROOT, "SMTP warm-up %d-%d: %.0f accepted/s, %.0f ingested/s, %.0f/s with the"
                                    + " listeners' work done%n", from, to,
                            step.accepted().perSecond(), step.ingestedPerSecond(), step.settledPerSecond());
                }
                var rawWarm = new Messages(run, "rawwarm", mailbox, settings.seeds(), false);
                check(measure("JDBC warm-up", settings, 0, Math.min(settings.warmup(), 2000),
                        offset -> new JdbcClient(settings, rawWarm, mailboxId)));

                boolean statements = settings.statements() && Statements.reset(db);
                long publishedBefore = publicationsWritten(db);
                // The sides take turns, so that a change in what else runs on the machine falls on both.
                var sent = new Messages(run, "smtp", mailbox, settings.seeds(), false);
                var inserted = new Messages(run, "raw", mailbox, settings.seeds(), false);
                SmtpRun smtp = null;
                Result raw = null;
                int rounds = Math.max(1, Math.min(settings.rounds(), settings.messages()));
                for (int round = 0; round < rounds; round++) {
                    int from = (int) ((long) settings.messages() * round / rounds);
                    int to = (int) ((long) settings.messages() * (round + 1) / rounds);
                    System.out.printf("Round %d of %d: %d messages by SMTP, then %d with plain JDBC ...%n", round + 1,
                            rounds, to - from, to - from);
                    var smtpRound = smtp("SMTP listener", settings, db, mailboxId, sent, from, to);
                    var rawRound = measure("plain JDBC", settings, from, to,
                            offset -> new JdbcClient(settings, inserted, mailboxId));
                    System.out.printf(Locale.ROOT, "  %.0f accepted/s, %.0f ingested/s, %.0f/s with the listeners' work done"
                                    + " (%d publications pending at the last ingestion); plain JDBC %.0f/s%n",
                            smtpRound.accepted().perSecond(), smtpRound.ingestedPerSecond(), smtpRound.settledPerSecond(),
                            smtpRound.pendingAtIngested(), rawRound.perSecond());
                    smtp = smtp == null ? smtpRound : smtp.plus(smtpRound);
                    raw = raw == null ? rawRound : raw.plus(rawRound);
                }
                report(settings, smtp, raw);
                long published = publicationsWritten(db) - publishedBefore;
                System.out.printf(Locale.ROOT, "Event publications written during the measured part: %d, %.2f per message"
                        + " (from the table's statistics, which may lag by a few seconds)%n", published,
                        (double) published / smtp.accepted().count());
                // The listeners' work, checked by its results rather than by the registry alone: every
                // customer message scored, every case with its SLA record, no publication failed.
                long messagesIn = count(db, "select count(*) from cases.timeline_entry where kind = 'message_in'", null);
                long scored = count(db, "select count(*) from assist.message_score", null);
                long withSla = count(db, "select count(*) from sla.case_sla", null);
                long allCases = cases(db);
                long unfinished = count(db, "select count(*) from event_publication where completion_date is null", null);
                System.out.printf("Listener results over the whole run: %d of %d customer messages scored, %d of %d cases with"
                        + " their SLA record, %d publications unfinished%n", scored, messagesIn, withSla, allCases, unfinished);
                if (statements) {
                    Statements.print(db, smtp.accepted().count());
                }
                if (smtp.accepted().failures() > 0 || raw.failures() > 0) {
                    System.exit(1);
                }
            } finally {
                try (var drop = db.createStatement()) {
                    drop.execute("drop table if exists public.bench_inbound_message");
                }
            }
        }
    }

    static final int WARMUP_STEP = 1000;

    /** Sends messages {@code from..to} by SMTP, then waits until every one of them is a case entry. */
    static SmtpRun smtp(String name, Settings settings, Connection db, UUID mailboxId, Messages messages, int from,
            int to) throws Exception {
        long processedBefore = processed(db, mailboxId);
        long casesBefore = cases(db);
        var cpuBefore = Cpu.now(settings);
        int count = to - from;
        var dataLatencies = new long[count];
        var accepted = measure(name, settings, from, to,
                offset -> new SmtpClient(settings, messages, dataLatencies, from));
        long began = System.nanoTime() - accepted.elapsedNanos();
        long deadline = System.nanoTime() + 600_000_000_000L;
        // Every message is stored once its 250 is in, so from here "none waiting" means all ingested. Asking
        // whether any row is waiting reads one entry of the parsing queue's partial index: polling it every
        // 10 ms costs PostgreSQL next to nothing (counting the waiting rows cost 0.3 ms of its time a message).
        while (anyWaiting(db)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("messages still waiting after 10 minutes");
            }
            Thread.sleep(10);
        }
        long ingested = System.nanoTime() - began;
        long failed = failed(db, mailboxId);
        long processed = processed(db, mailboxId) - processedBefore;
        if (failed > 0 || processed != count) {
            throw new IllegalStateException(count + " messages sent, " + processed + " ingested, " + failed
                    + " could not be ingested; see the application's log");
        }
        var cpu = Cpu.now(settings).minus(cpuBefore);
        // The other modules' listeners react to the new entries after the ingestion committed (event
        // publications): wait until none is pending, so the next run starts clean and the figures say
        // what the whole reaction costs.
        long pending = pendingPublications(db);
        while (pending > 0 && anyPendingPublication(db)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("event publications still pending after 10 minutes");
            }
            Thread.sleep(10);
        }
        long settled = System.nanoTime() - began;
        var settledCpu = Cpu.now(settings).minus(cpuBefore);
        var result = new Result(name, count, accepted.elapsedNanos(), dataLatencies, accepted.failures(),
                accepted.firstFailure(), cpu);
        return new SmtpRun(result, ingested, cases(db) - casesBefore, pending, settled, settledCpu);
    }

    /** Runs messages {@code from..to} on the clients; their connections are opened before the clock starts. */
    static Result measure(String name, Settings settings, int from, int to, ClientFactoryAt factory) throws Exception {
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
            created.add(factory.create(from));
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
                        client.send(from + i);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet("", e.toString());
                    }
                    latencies[i] = System.nanoTime() - begin;
                }
            }));
        }
        ready.await();
        var cpuBefore = Cpu.now(settings);
        long began = System.nanoTime();
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - began;
        var cpu = Cpu.now(settings).minus(cpuBefore);
        for (var client : created) {
            client.close();
        }
        return new Result(name, count, elapsed, latencies, failures.get(), firstFailure.get(), cpu);
    }

    interface ClientFactoryAt {
        Client create(int offset) throws Exception;
    }

    static void report(Settings settings, SmtpRun smtp, Result raw) {
        var accepted = smtp.accepted();
        System.out.println();
        System.out.printf("%-34s %10s %9s %9s %9s%n", "", "msgs/s", "p50 ms", "p99 ms", "failures");
        System.out.printf(Locale.ROOT, "%-34s %10.1f %9.2f %9.2f %9d%n", "SMTP accepted (250), DATA to 250",
                accepted.perSecond(), accepted.percentileMillis(50), accepted.percentileMillis(99), accepted.failures());
        System.out.printf(Locale.ROOT, "%-34s %10.1f %9.2f %9.2f %9d%n", "plain JDBC insert of the raw bytes",
                raw.perSecond(), raw.percentileMillis(50), raw.percentileMillis(99), raw.failures());
        System.out.printf(Locale.ROOT, "%-34s %10.1f %9s %9s%n", "parsed and threaded, end to end",
                smtp.ingestedPerSecond(), "", "");
        System.out.printf(Locale.ROOT, "%-34s %10.1f%n", "... and the listeners' work done", smtp.settledPerSecond());
        System.out.printf(Locale.ROOT, "Listener work (event publications) pending when the last message of a round was"
                        + " ingested: %d in all, %.2f per message; draining it took %.1f s in all%n",
                smtp.pendingAtIngested(), (double) smtp.pendingAtIngested() / accepted.count(),
                (smtp.settledNanos() - smtp.ingestedNanos()) / 1e9);
        if (accepted.cpu().known()) {
            System.out.println();
            System.out.println("CPU per message in ms over the SMTP runs (cores busy on average):");
            cpuLine("up to the last ingestion:", accepted.cpu(), accepted.count(), smtp.ingestedNanos());
            cpuLine("until the listeners were done:", smtp.settledCpu(), accepted.count(), smtp.settledNanos());
        }
        System.out.println();
        System.out.printf("Cases opened by the SMTP runs: %d (expected %d: every new message; the %d replies threaded)%n",
                smtp.casesOpened(), (accepted.count() + 1) / 2, accepted.count() / 2);
        System.out.printf(Locale.ROOT, "Accepted by SMTP / plain JDBC = %.2f%n", accepted.perSecond() / raw.perSecond());
        String verdict = smtp.ingestedPerSecond() >= TARGET_PER_SECOND ? "met" : "NOT met";
        System.out.printf(Locale.ROOT, "End to end %.1f msgs/s (target >= %.0f: %s)%n", smtp.ingestedPerSecond(),
                TARGET_PER_SECOND, verdict);
        for (var result : List.of(accepted, raw)) {
            if (result.failures() > 0) {
                System.out.println(result.name() + ": " + result.failures() + " failed, first: " + result.firstFailure());
            }
        }
    }

    static void cpuLine(String label, Cpu cpu, int count, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "  %-31s application %.2f (%.2f), PostgreSQL %.2f (%.2f), load client %.2f (%.2f),"
                        + " other processes (%.2f); application and PostgreSQL together %.2f%n",
                label, cpu.app() * 1000 / count, cpu.app() / seconds, cpu.postgres() * 1000 / count, cpu.postgres() / seconds,
                cpu.client() * 1000 / count, cpu.client() / seconds, cpu.others() / seconds,
                (cpu.app() + cpu.postgres()) * 1000 / count);
    }

    static void check(Result result) {
        if (result.failures() > 0) {
            System.err.println(result.name() + ": " + result.failures() + " failed, first: " + result.firstFailure());
            System.exit(1);
        }
    }

    static String setting(Connection db, String name) throws SQLException {
        try (var query = db.createStatement(); var result = query.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    static long processed(Connection db, UUID mailboxId) throws SQLException {
        return count(db, "select count(*) from email.inbound_message where mailbox_id = ? and state = 'processed'", mailboxId);
    }

    static boolean anyWaiting(Connection db) throws SQLException {
        // In the queue's index order, so that PostgreSQL reads the queue's partial index: without it, the
        // planner may scan the table for a first waiting row that is near its end.
        return count(db, "select count(*) from (select 1 from email.inbound_message where state = 'received'"
                + " order by received_at, id limit 1) w", null) > 0;
    }

    /**
     * Event publications whose listener has not completed yet (failed ones excepted: nothing will
     * complete them). Whatever the completion mode, a completed publication has a completion date or is
     * gone from the table.
     */
    static long pendingPublications(Connection db) throws SQLException {
        return count(db, "select count(*) from event_publication where completion_date is null and status is distinct from 'FAILED'",
                null);
    }

    static boolean anyPendingPublication(Connection db) throws SQLException {
        return count(db, "select count(*) from (select 1 from event_publication where completion_date is null"
                + " and status is distinct from 'FAILED' limit 1) p", null) > 0;
    }

    /** Publications ever inserted, from the table's statistics: completed ones may have been deleted or archived. */
    static long publicationsWritten(Connection db) throws SQLException {
        return count(db, "select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables where relname = 'event_publication'", null);
    }

    static long failed(Connection db, UUID mailboxId) throws SQLException {
        return count(db, "select count(*) from email.inbound_message where mailbox_id = ? and state = 'failed'", mailboxId);
    }

    static long cases(Connection db) throws SQLException {
        return count(db, "select count(*) from cases.support_case", null);
    }

    static long count(Connection db, String sql, UUID parameter) throws SQLException {
        try (var query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setObject(1, parameter);
            }
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * What PostgreSQL spent its time on, from {@code pg_stat_statements} (with {@code BENCH_STATEMENTS=1}
     * the script preloads it): reset before the measured rounds, printed after them, per message.
     */
    static final class Statements {

        static boolean reset(Connection db) {
            try (var statement = db.createStatement()) {
                statement.execute("create extension if not exists pg_stat_statements");
                statement.execute("select pg_stat_statements_reset()");
                return true;
            } catch (SQLException e) {
                System.out.println("pg_stat_statements is not available (" + e.getMessage().strip() + "); no statement figures");
                return false;
            }
        }

        /** The statements with the most execution time, per message sent by SMTP (the plain JDBC insert is one of them). */
        static void print(Connection db, long messages) throws SQLException {
            try (var statement = db.createStatement();
                    var rows = statement.executeQuery("""
                            select calls, total_exec_time, query,
                                   sum(total_exec_time) over () as all_time, sum(calls) over () as all_calls
                            from pg_stat_statements
                            where query not like '%pg_stat_statements%'
                            order by total_exec_time desc""")) {
                System.out.println();
                System.out.printf("Statements over the measured part (pg_stat_statements), per message of the %d sent by SMTP;"
                        + " the plain JDBC side's insert is among them:%n",
                        messages);
                int shown = 0;
                double restCalls = 0;
                double restTime = 0;
                while (rows.next()) {
                    if (shown == 0) {
                        System.out.printf(Locale.ROOT, "  all: %.1f calls, %.2f ms of execution per message%n",
                                rows.getDouble("all_calls") / messages, rows.getDouble("all_time") / messages);
                        System.out.printf("  %9s %9s %9s  %s%n", "calls/msg", "ms/call", "ms/msg", "statement");
                    }
                    if (shown++ >= 40) {
                        restCalls += rows.getDouble("calls");
                        restTime += rows.getDouble("total_exec_time");
                        continue;
                    }
                    String query = rows.getString("query").replaceAll("\\s+", " ").strip();
                    System.out.printf(Locale.ROOT, "  %9.2f %9.3f %9.3f  %s%n", rows.getDouble("calls") / messages,
                            rows.getDouble("total_exec_time") / rows.getLong("calls"), rows.getDouble("total_exec_time") / messages,
                            query.length() > 150 ? query.substring(0, 150) + " ..." : query);
                }
                if (shown > 40) {
                    System.out.printf(Locale.ROOT, "  %9.2f %9s %9.3f  (the other %d statements)%n", restCalls / messages, "",
                            restTime / messages, shown - 40);
                }
            }
        }
    }

    /**
     * CPU seconds used by the application, by PostgreSQL (the server and its backends, running or
     * ended), by this client, and by the whole machine. From Linux's /proc, as in the case-creation
     * benchmark; elsewhere the figures are zero and are not printed.
     */
    record Cpu(double app, double postgres, double client, double machine) {

        static final double TICKS = 100.0;

        static Cpu now(Settings settings) {
            return new Cpu(
                    settings.appPid() > 0 ? process(settings.appPid(), false) : 0,
                    settings.postgresPid() > 0 ? postgres(settings.postgresPid()) : 0,
                    process(ProcessHandle.current().pid(), false),
                    machineBusy());
        }

        Cpu minus(Cpu before) {
            return new Cpu(app - before.app, postgres - before.postgres, client - before.client, machine - before.machine);
        }

        Cpu plus(Cpu other) {
            return new Cpu(app + other.app, postgres + other.postgres, client + other.client, machine + other.machine);
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

    record Response(int status, String body) {}

    static Response post(URL url, String authorization, String json) throws IOException {
        var connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Authorization", authorization);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", "application/json");
        try (var out = connection.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
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

    static String token(Settings settings) throws IOException {
        String basic = Base64.getEncoder()
                .encodeToString((settings.email() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        var response = post(settings.baseUrl().resolve("/api/v1/tokens").toURL(), "Basic " + basic,
                "{\"name\":\"email-ingestion benchmark\"}");
        var matcher = TOKEN.matcher(response.body());
        if (response.status() != 201 || !matcher.find()) {
            throw new IllegalStateException("Could not get an API token: HTTP " + response.status() + " " + response.body());
        }
        return matcher.group(1);
    }

    /** An SMTP mailbox without a team, acknowledgements or outbound server: nothing is sent back. */
    static UUID createMailbox(Settings settings, String token, String address) throws IOException {
        var response = post(settings.baseUrl().resolve("/api/v1/mailboxes").toURL(), "Bearer " + token, """
                {"address":"%s","name":"Benchmark","inbound":{"mode":"smtp"},"acknowledgement":{"enabled":false}}"""
                .formatted(address));
        var matcher = ID.matcher(response.body());
        if (response.status() != 201 || !matcher.find()) {
            throw new IllegalStateException("Could not create the mailbox: HTTP " + response.status() + " " + response.body());
        }
        return UUID.fromString(matcher.group(1));
    }
}
