package dev.casekeeper.actions;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * The company's order or licence system that actions call: a real HTTP server on a free local port
 * that keeps every request and answers with the status the test chooses, call by call.
 */
final class CompanySystem implements AutoCloseable {

    /** A request as it arrived: its headers (names in lower case) and its body's exact bytes. */
    record Received(Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntSupplier answer = () -> 200;

    private CompanySystem(HttpServer server) {
        this.server = server;
    }

    static CompanySystem start() throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var system = new CompanySystem(server);
        server.createContext("/refunds", exchange -> {
            var headers = new HashMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            var body = exchange.getRequestBody().readAllBytes();
            system.received.add(new Received(headers, body));
            int status = system.answer.getAsInt();
            var reply = (status == 200 ? "Refund R-5521 issued" : "Try later").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            try (var out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return system;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/refunds";
    }

    void answerWith(IntSupplier status) {
        this.answer = status;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
