package dev.casekeeper.channels.chat;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Who is on the other end of a widget's socket, for the limits per client address. The peer's own
 * address, unless the peer is one of {@code casekeeper.chat.trusted-proxies}: then the client is the
 * nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy (proxies append, so
 * the addresses to the left may be made up by the client and are not read). A trusted proxy that
 * names no client is limited as one client of its own, with the proxy's allowance.
 */
@Component
class ClientAddresses implements HandshakeInterceptor {

    private static final String CLIENT = "chat.client";

    /** A client as the limits count it: by address, and whether it is a proxy standing for everyone behind it. */
    record Client(String address, boolean proxy) {}

    private final List<IpAddressMatcher> trusted;

    ClientAddresses(ChatSettings settings) {
        this.trusted = settings.trustedProxies().stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        String peer = request instanceof ServletServerHttpRequest servlet
                ? servlet.getServletRequest().getRemoteAddr()
                : request.getRemoteAddress().getAddress().getHostAddress();
        attributes.put(CLIENT, client(peer, request.getHeaders().get("X-Forwarded-For")));
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            @Nullable Exception exception) {}

    static Client of(WebSocketSession session) {
        var client = (Client) session.getAttributes().get(CLIENT);
        return client != null ? client : new Client("unknown", false);
    }

    Client client(String peer, @Nullable List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return new Client(peer, false);
        }
        if (forwardedFor != null) {
            var hops = String.join(",", forwardedFor).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (hop.isEmpty() || !isAddress(hop)) {
                    break;
                }
                if (!isTrusted(hop)) {
                    return new Client(hop, false);
                }
            }
        }
        return new Client(peer, true);
    }

    private boolean isTrusted(String address) {
        if (!isAddress(address)) {
            return false;
        }
        return trusted.stream().anyMatch(m -> m.matches(address));
    }

    /** Only literal IPv4 and IPv6 addresses: a host name in the header is never looked up. */
    private static boolean isAddress(String value) {
        return value.matches("[0-9.]{7,15}") || (value.contains(":") && value.matches("[0-9A-Fa-f:.]{2,45}"));
    }
}
