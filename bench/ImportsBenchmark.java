import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The load client of bench/imports.sh: writes N Zendesk tickets with 5 comments each into
 * Zendesk-format files (organizations, users, ticket fields, tickets as an incremental-export page,
 * comments one per line), starts their import through the API, polls it to the end and prints the
 * figures and the verdict (100,000 tickets with 500,000 comments in under 10 minutes).
 *
 *   java bench/ImportsBenchmark.java --base-url=… --email=… --password=… --tickets=N --folder=DIR --name=NAME
 */
public class ImportsBenchmark {

    static final Pattern FIELD = Pattern.compile("\"(id|token|state|failure)\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern NUMBER = Pattern.compile("\"(percent|created|updated|skipped)\"\\s*:\\s*(\\d+)");
    static final int COMMENTS = 5;
    static final int AGENTS = 10;
    static final double TARGET_SECONDS_PER_100K = 600;

    public static void main(String[] args) throws Exception {
        var a = new HashMap<String, String>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        URI base = URI.create(a.get("base-url") + "/");
        int tickets = Integer.parseInt(a.get("tickets"));
        Path folder = Path.of(a.get("folder"));
        int users = Math.max(1, tickets / 5);

        long written = System.nanoTime();
        generate(folder, tickets, users);
        System.out.printf("Wrote %d tickets, %d comments and %d users into %s in %.1f s (%d MB)%n",
                tickets, tickets * COMMENTS, users, folder, (System.nanoTime() - written) / 1e9, size(folder) >> 20);

        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((a.get("email") + ":" + a.get("password")).getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + field(call(base, "POST", "/api/v1/tokens", basic,
                "{\"name\":\"imports benchmark\"}", 201), "token");

        long start = System.nanoTime();
        String job = field(call(base, "POST", "/api/v1/imports", bearer,
                "{\"source\":\"zendesk\",\"directory\":\"" + a.get("name") + "\"}", 202), "id");
        String state;
        String last;
        int lastPercent = -1;
        while (true) {
            last = call(base, "GET", "/api/v1/imports/" + job, bearer, null, 200);
            state = field(last, "state");
            int percent = number(last, "percent");
            if (percent / 10 != lastPercent / 10) {
                System.out.printf("  %5.0f s  %3d%%  %s%n", (System.nanoTime() - start) / 1e9, percent, state);
                lastPercent = percent;
            }
            if (state.equals("done") || state.equals("failed")) {
                break;
            }
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("Import " + job + " " + state + ": " + last);
        if (!state.equals("done")) {
            System.out.println("Verdict: FAILED (the import did not finish)");
            System.exit(1);
        }
        double allowed = TARGET_SECONDS_PER_100K * tickets / 100_000.0;
        System.out.printf("%d tickets with %d comments in %.1f s: %.0f tickets/s, %.0f comments/s%n",
                tickets, tickets * COMMENTS, seconds, tickets / seconds, tickets * COMMENTS / seconds);
        System.out.printf("At this rate 100,000 tickets with 500,000 comments take %.0f s (target: under %.0f s)%n",
                seconds * 100_000.0 / tickets, TARGET_SECONDS_PER_100K);
        System.out.printf("Verdict: %s (%.1f s for %d tickets, %.1f s allowed at the target's rate)%n",
                seconds <= allowed ? "met" : "NOT MET", seconds, tickets, allowed);
    }

    static void generate(Path folder, int tickets, int users) throws Exception {
        Files.createDirectories(folder);
        try (var out = Files.newBufferedWriter(folder.resolve("organizations.json"))) {
            out.write("{\"organizations\": [");
            for (int o = 1; o <= 20; o++) {
                out.write((o > 1 ? "," : "") + "{\"id\": " + o + ", \"name\": \"Organization " + o
                        + "\", \"created_at\": \"2018-01-01T00:00:00Z\"}");
            }
            out.write("], \"next_page\": null, \"count\": 20, \"end_of_stream\": true}\n");
        }
        try (var out = Files.newBufferedWriter(folder.resolve("users.json"))) {
            out.write("{\"users\": [\n");
            for (int u = 1; u <= AGENTS; u++) {
                out.write("{\"id\": " + (900_000_000L + u) + ", \"name\": \"Agent " + u
                        + "\", \"email\": \"agent" + u + "@desk.example\", \"role\": \"agent\"},\n");
            }
            for (int u = 1; u <= users; u++) {
                out.write((u > 1 ? ",\n" : "") + "{\"id\": " + u + ", \"name\": \"Customer " + u
                        + "\", \"email\": \"customer" + u + "@bench.example\", \"role\": \"end-user\","
                        + " \"organization_id\": " + (1 + u % 20) + ", \"tags\": [\"bench\"],"
                        + " \"created_at\": \"2019-01-01T00:00:00Z\"}");
            }
            out.write("\n], \"after_cursor\": null, \"end_of_stream\": true}\n");
        }
        try (var out = Files.newBufferedWriter(folder.resolve("ticket_fields.json"))) {
            out.write("{\"ticket_fields\": [{\"id\": 1, \"type\": \"text\", \"title\": \"Order number\"}], \"count\": 1}\n");
        }
        Instant t0 = Instant.parse("2019-01-01T00:00:00Z");
        try (var out = Files.newBufferedWriter(folder.resolve("tickets.json"));
                var comments = Files.newBufferedWriter(folder.resolve("ticket_comments.json"))) {
            out.write("{\"tickets\": [\n");
            long comment = 1;
            for (int t = 1; t <= tickets; t++) {
                int requester = 1 + t % users;
                Instant created = t0.plusSeconds(t * 600L);
                String status = switch (t % 5) {
                    case 0 -> "open";
                    case 1 -> "pending";
                    default -> "closed";
                };
                out.write((t > 1 ? ",\n" : "") + "{\"id\": " + t + ", \"via\": {\"channel\": \"email\"},"
                        + " \"created_at\": \"" + created + "\", \"updated_at\": \"" + created.plusSeconds(7200) + "\","
                        + " \"subject\": \"Order " + t + " arrived in the wrong colour\","
                        + " \"description\": \"The shower curtain of order " + t + " is the wrong colour.\","
                        + " \"priority\": \"normal\", \"status\": \"" + status + "\", \"requester_id\": " + requester + ","
                        + " \"tags\": [\"exchange\", \"bench\"], \"custom_fields\": [{\"id\": 1, \"value\": \"SO-" + t + "\"}]}");
                for (int c = 0; c < COMMENTS; c++) {
                    boolean customer = c % 2 == 0;
                    long author = customer ? requester : 900_000_000L + 1 + t % AGENTS;
                    comments.write("{\"id\": " + comment++ + ", \"ticket_id\": " + t + ", \"type\": \"Comment\","
                            + " \"author_id\": " + author + ", \"public\": " + (c != 3) + ","
                            + " \"body\": \"Message " + c + " about order " + t + ": the curtain is blue, I ordered"
                            + " green. Could you exchange it, please? It is the second time this happens.\","
                            + " \"html_body\": \"<p>Message " + c + " about order " + t + "</p>\","
                            + " \"attachments\": " + (c == 4
                                    ? "[{\"id\": " + comment + ", \"file_name\": \"photo.jpg\", \"content_url\":"
                                            + " \"https://bench.zendesk.example/attachments/" + comment + "/photo.jpg\","
                                            + " \"content_type\": \"image/jpeg\", \"size\": 20480}]"
                                    : "[]")
                            + ", \"created_at\": \"" + created.plusSeconds(c * 1200L) + "\"}\n");
                }
            }
            out.write("\n], \"after_cursor\": null, \"end_of_stream\": true}\n");
        }
    }

    static long size(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            long total = 0;
            for (Path p : files.toList()) {
                total += Files.size(p);
            }
            return total;
        }
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

    static int number(String json, String name) {
        var m = NUMBER.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Integer.parseInt(m.group(2));
            }
        }
        return 0;
    }

    static String call(URI base, String method, String path, String auth, String body, int expected) throws Exception {
        var connection = (HttpURLConnection) base.resolve(path.substring(1)).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", auth);
        if (body != null) {
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
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
