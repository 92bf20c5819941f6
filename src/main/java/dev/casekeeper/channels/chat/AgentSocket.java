package dev.casekeeper.channels.chat;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.StorableText;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.JsonNode;

/**
 * The agent's socket ({@code /chat/agent/ws?case=<number>}), behind the chat panel of the case page.
 * The handshake needs a signed-in agent who may see the case: they watch. The agent who accepted
 * the chat, and supervisors and admins, may also write.
 */
@Component
class AgentSocket extends TextWebSocketHandler implements HandshakeInterceptor {

    private static final String AGENT = "chat.agent";
    private static final String CASE = "chat.case";
    private static final String CHAT = "chat.conversation";
    private static final String PEER = "chat.peer";
    private static final String LIMIT = "chat.limit";

    private final CaseLookup cases;
    private final Conversations conversations;
    private final ChatHub hub;
    private final Frames frames;
    private final ChatSettings settings;

    AgentSocket(CaseLookup cases, Conversations conversations, ChatHub hub, Frames frames, ChatSettings settings) {
        this.cases = cases;
        this.conversations = conversations;
        this.hub = hub;
        this.frames = frames;
        this.settings = settings;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAgent agent)) {
            response.setStatusCode(org.springframework.http.HttpStatus.FORBIDDEN);
            return false;
        }
        var number = org.springframework.web.util.UriComponentsBuilder.fromUri(request.getURI())
                .build()
                .getQueryParams()
                .getFirst("case");
        try {
            var kase = cases.findByNumber(Long.parseLong(number == null ? "" : number), agent);
            attributes.put(AGENT, agent);
            attributes.put(CASE, kase.summary().id());
            return true;
        } catch (NumberFormatException | NotFoundException e) {
            response.setStatusCode(org.springframework.http.HttpStatus.FORBIDDEN);
            return false;
        }
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            @Nullable Exception exception) {}

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        var peer = new ChatHub.Peer(
                new ConcurrentWebSocketSessionDecorator(
                        session, (int) settings.sendTimeLimit().toMillis(), settings.sendBufferBytes()),
                true);
        session.getAttributes().put(PEER, peer);
        session.getAttributes().put(LIMIT, ChatLimits.forSocket(settings.messagesPerMinute() * 2));
        var conversation = conversations.ofCase((CaseId) session.getAttributes().get(CASE));
        if (conversation.isEmpty()) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("not a chat"));
            return;
        }
        session.getAttributes().put(CHAT, conversation.get().id());
        hub.add(conversation.get().id(), peer);
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        String payload = WholeFrames.join(session, message, settings.maxFrameBytes());
        if (payload == null) {
            return;
        }
        var peer = (ChatHub.Peer) session.getAttributes().get(PEER);
        var agent = (SignedInAgent) session.getAttributes().get(AGENT);
        var chat = (UUID) session.getAttributes().get(CHAT);
        var frame = frames.read(payload);
        if (frame == null || chat == null) {
            send(peer, frames.of("error", "code", "bad-frame"));
            return;
        }
        switch (String.valueOf(Frames.text(frame, "type"))) {
            case "hello" -> hello(peer, agent, chat, frame);
            case "typing" ->
                hub.publish(new Outgoing(
                        chat,
                        Outgoing.Audience.ALL,
                        frames.of("typing", "on", frame.path("on").asBoolean(false), "name", agent.name()),
                        0,
                        session.getId()));
            case "message" -> {
                if (((io.github.bucket4j.Bucket) session.getAttributes().get(LIMIT)).tryConsume(1)) {
                    message(session, peer, agent, chat, frame);
                } else {
                    send(peer, frames.of("error", "code", "rate-limited", "id", Frames.text(frame, "id")));
                }
            }
            case "ping" -> send(peer, frames.of("pong"));
            default -> send(peer, frames.of("error", "code", "bad-frame"));
        }
    }

    private void hello(ChatHub.Peer peer, SignedInAgent agent, UUID chat, JsonNode frame) {
        var conversation = conversations.find(chat).orElseThrow();
        send(
                peer,
                frames.of(
                        "welcome",
                        "state",
                        conversation.state().value(),
                        "agent",
                        conversation.agentName(),
                        "mayWrite",
                        conversations.mayWrite(conversation, agent),
                        "customer",
                        conversation.name(),
                        "last",
                        conversation.lastSeq()));
        conversations
                .after(chat, Math.max(0, frame.path("after").asLong(0)))
                .forEach(m -> send(peer, frames.message(m)));
    }

    private void message(WebSocketSession session, ChatHub.Peer peer, SignedInAgent agent, UUID chat, JsonNode frame) {
        String id = Frames.text(frame, "id");
        String text = Frames.text(frame, "text");
        // An agent's text with NUL or half a surrogate pair is refused, as agent input is everywhere (ADR 0014).
        if (id == null
                || id.isBlank()
                || id.length() > 64
                || text == null
                || text.isBlank()
                || !StorableText.isStorable(text)
                || !StorableText.isStorable(id)) {
            send(peer, frames.of("error", "code", "invalid", "id", id == null ? null : StorableText.strip(id)));
            return;
        }
        if (text.length() > settings.maxMessageLength()) {
            send(peer, frames.of("error", "code", "too-long", "id", id));
            return;
        }
        try {
            var written = conversations.fromAgent(chat, agent, id, text);
            var mine = written.getLast();
            send(peer, frames.of("ack", "id", id, "seq", mine.seq()));
            for (var m : written) {
                hub.publish(new Outgoing(
                        chat, Outgoing.Audience.ALL, frames.message(m), m.seq(), m == mine ? session.getId() : null));
            }
        } catch (ConflictException e) {
            send(peer, frames.of("error", "code", e.code(), "id", id));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        var chat = (UUID) session.getAttributes().get(CHAT);
        var peer = (ChatHub.Peer) session.getAttributes().get(PEER);
        if (chat != null && peer != null) {
            hub.remove(chat, peer);
        }
    }

    private static void send(ChatHub.Peer peer, String frame) {
        ChatHub.send(peer.socket(), new TextMessage(frame));
    }
}
