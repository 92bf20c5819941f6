import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Web form submissions, as bench/portal.sh runs it: N submissions from C clients at once to the
 * embeddable form's endpoint ({@code POST /contact/embed}, the hosted form's checks without a
 * browser session), each for a new customer with a name, an address, a topic and a description.
 * A 201 comes after the case's transaction committed, with its reactions (ADR 0015) done in it.
 * Prints submissions per second and the p50, p95 and maximum of each request; asserts nothing.
 *
 *   java bench/WebFormBenchmark.java http://127.0.0.1:PORT N C
 */
public class WebFormBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int total = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var form = http.send(
                HttpRequest.newBuilder(URI.create(base + "/contact/embed/form")).build(),
                HttpResponse.BodyHandlers.ofString());
        var matcher = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"").matcher(form.body());
        if (form.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("No form: HTTP " + form.statusCode() + " " + form.body());
        }
        String ticket = matcher.group(1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Warm-up: the first requests compile the code paths.
        submitAll(http, base, ticket, run + "-warm", Math.min(200, total), clients);
        var started = System.nanoTime();
        var times = submitAll(http, base, ticket, run, total, clients);
        double seconds = (System.nanoTime() - started) / 1e9;
        Collections.sort(times);
        System.out.printf(
                "web form: %d submissions from %d clients in %.1f s: %.1f submissions/s; p50 %.1f ms, p95 %.1f ms, max %.1f ms (bar: at least 100/s)%n",
                total,
                clients,
                seconds,
                total / seconds,
                times.get(times.size() / 2) / 1e6,
                times.get((int) Math.ceil(times.size() * 0.95) - 1) / 1e6,
                times.getLast() / 1e6);
    }

    private static List<Long> submitAll(HttpClient http, String base, String ticket, String run, int total, int clients)
            throws InterruptedException {
        var times = Collections.synchronizedList(new ArrayList<Long>());
        var failed = new AtomicInteger();
        var gate = new Semaphore(clients);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                gate.acquire();
                int n = i;
                executor.execute(() -> {
                    try {
                        String body = "name=" + enc("Bench Customer " + n)
                                + "&email=" + enc("webform-" + run + "-" + n + "@example.com")
                                + "&topic=" + enc("Activation key " + n)
                                + "&description=" + enc("My activation key stopped working after I reinstalled. Order " + n)
                                + "&website=&ticket=" + enc(ticket);
                        long at = System.nanoTime();
                        var response = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/contact/embed"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        times.add(System.nanoTime() - at);
                        if (response.statusCode() != 201 && failed.incrementAndGet() <= 5) {
                            System.err.println("HTTP " + response.statusCode() + ": " + response.body());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    } finally {
                        gate.release();
                    }
                });
            }
        }
        if (failed.get() > 0) {
            System.err.println(failed.get() + " submissions failed");
        }
        return times;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
