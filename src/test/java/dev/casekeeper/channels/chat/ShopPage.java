package dev.casekeeper.channels.chat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A page of another site with the widget's one script tag, served by the test; optionally a script
 * of the test's own before it (to watch or hold back the frames the widget receives).
 */
final class ShopPage implements AutoCloseable {

    /**
     * Wraps the page's WebSocket so that a test can hold back acknowledgements
     * ({@code window.ckHoldAcks = true}) and let them through later ({@code window.ckRelease()}), as
     * a slow network would deliver them after later frames.
     */
    static final String ACK_GATE = """
            (function () {
                var Native = window.WebSocket, held = [];
                window.ckHoldAcks = false;
                window.ckRelease = function () { window.ckHoldAcks = false; var h = held; held = []; h.forEach(function (f) { f(); }); };
                function Gated(url) {
                    var ws = new Native(url), handler = null;
                    Object.defineProperty(ws, 'onmessage', {set: function (fn) { handler = fn; }, get: function () { return handler; }});
                    ws.addEventListener('message', function (e) {
                        var deliver = function () { if (handler) handler(e); };
                        if (window.ckHoldAcks && JSON.parse(e.data).type === 'ack') held.push(deliver); else deliver();
                    });
                    return ws;
                }
                Gated.prototype = Native.prototype;
                ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Gated[k] = Native[k]; });
                window.WebSocket = Gated;
            })();""";

    private final HttpServer server;

    private ShopPage(HttpServer server) {
        this.server = server;
    }

    static ShopPage serve(int casekeeperPort, String mailbox, String testScript) {
        String page =
                "<!DOCTYPE html><html lang=\"en\"><head><title>Shop</title><meta name=\"viewport\" content=\"width=device-width\">"
                        + (testScript.isEmpty() ? "" : "<script>" + testScript + "</script>")
                        + "</head><body><h1>Shop</h1>"
                        + "<script src=\"http://localhost:" + casekeeperPort + "/widget.js\" data-mailbox=\"" + mailbox
                        + "\" async></script>"
                        + "</body></html>";
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new ShopPage(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
