package dev.casekeeper.channels.chat;

import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;

/**
 * The widget's socket ({@code /chat/ws}): the customer side of the protocol in docs/chat.md. A
 * socket keeps only its visitor, its chat's id and its rate limit; everything else is in
 * PostgreSQL. Frames of one socket are handled one after the other, on a virtual thread.
 */
@Component
class CustomerSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(CustomerSocket.class);
    private static final String VISITOR = "chat.visitor";
    private static final String CHAT = "chat.conversation";
    private static final String PEER = "chat.peer";
    private static final String LIMIT = "chat.limit";
    private static final String TYPING = "chat.typing";
    private static final String SINCE = "chat.since";
    private static final int MAX_ID = 64;
    private static final int MAX_FIELD = 200;

    private final Conversations conversations;
    private final ChatHub hub;
    private final ChatNodes nodes;
    private final ChatMailboxes mailboxes;
    private final ChatTexts texts;
    private final QueuePositions positions;
    private final SupervisorButton supervisors;
    private final OfflineMessages offline;
    private final GraceTimers grace;
    private final Frames frames;
    private final ChatSettings settings;
    private final ChatLimits limits;
    private final java.time.Clock clock;

    CustomerSocket(
            Conversations conversations,
            ChatHub hub,
            ChatNodes nodes,
            ChatMailboxes mailboxes,
            ChatTexts texts,
            QueuePositions positions,
            SupervisorButton supervisors,
            OfflineMessages offline,
            GraceTimers grace,
            Frames frames,
            ChatSettings settings,
            ChatLimits limits,
            java.time.Clock clock) {
        this.conversations = conversations;
        this.hub = hub;
        this.nodes = nodes;
        this.mailboxes = mailboxes;
        this.texts = texts;
        this.positions = positions;
        this.supervisors = supervisors;
        this.offline = offline;
        this.grace = grace;
        this.frames = frames;
        this.settings = settings;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        var peer = new ChatHub.Peer(
                new ConcurrentWebSocketSessionDecorator(
                        session, (int) settings.sendTimeLimit().toMillis(), settings.sendBufferBytes()),
                false);
        session.getAttributes().put(PEER, peer);
        session.getAttributes().put(LIMIT, ChatLimits.forSocket(settings.messagesPerMinute()));
        session.getAttributes().put(SINCE, System.nanoTime());
        var allowed = limits.socket(ClientAddresses.of(session));
        if (!allowed.allowed()) {
            // Told in the visitor's language before closing, so the widget can say it and come back later.
            var locale = locale(session, null);
            send(
                    peer,
                    frames.of(
                            "refused",
                            "code",
                            ChatLimits.Refusal.SOCKETS.code,
                            "retryIn",
                            allowed.retryIn().toMillis(),
                            "text",
                            texts.refusal(ChatLimits.Refusal.SOCKETS, locale)));
            close(session, CloseStatus.SERVICE_OVERLOAD);
        }
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
        var read = frames.read(payload);
        if (read == null) {
            send(peer, frames.of("error", "code", "bad-frame"));
            return;
        }
        var storable = frames.storable(read, session.getId());
        var frame = storable.frame();
        String type = Frames.text(frame, "type");
        var visitor = (Visitor) session.getAttributes().get(VISITOR);
        try {
            if ("hello".equals(type)) {
                hello(session, peer, frame);
            } else if ("ping".equals(type)) {
                send(peer, frames.of("pong"));
            } else if (visitor == null) {
                send(peer, frames.of("error", "code", "hello-first"));
            } else if ("typing".equals(type)) {
                typing(session, frame);
            } else if (!limits.message(
                    (io.github.bucket4j.Bucket) session.getAttributes().get(LIMIT))) {
                send(peer, frames.of("error", "code", "rate-limited", "id", Frames.text(frame, "id")));
            } else {
                switch (type == null ? "" : type) {
                    case "start" -> start(session, peer, visitor, frame);
                    case "message" -> message(session, peer, visitor, frame, storable.removed());
                    case "supervisor" -> supervisor(session, peer);
                    case "leave" -> leave(session, frame);
                    case "offline" -> offline(session, peer, visitor, frame, storable.removed());
                    default -> send(peer, frames.of("error", "code", "bad-frame"));
                }
            }
        } catch (InvalidInputException e) {
            send(
                    peer,
                    frames.of(
                            "error",
                            "code",
                            "invalid",
                            "id",
                            Frames.text(frame, "id"),
                            "field",
                            e.fieldErrors().keySet().stream().findFirst().orElse(null)));
        } catch (ConflictException e) {
            send(peer, frames.of("error", "code", e.code(), "id", Frames.text(frame, "id")));
        }
    }

    private void hello(WebSocketSession session, ChatHub.Peer peer, JsonNode frame) {
        if (session.getAttributes().containsKey(VISITOR)) {
            return;
        }
        String mailbox = Frames.text(frame, "mailbox");
        var team = mailbox == null ? java.util.Optional.<dev.casekeeper.agents.TeamId>empty() : mailboxes.team(mailbox);
        if (team.isEmpty()) {
            send(peer, frames.of("error", "code", "unknown-mailbox"));
            close(session, CloseStatus.POLICY_VIOLATION);
            return;
        }
        String token = Frames.text(frame, "token");
        if (token == null || !VisitorTokens.wellFormed(token)) {
            token = VisitorTokens.next();
        }
        var browser = locale(session, Frames.text(frame, "lang"));
        String digest = VisitorTokens.digest(token);
        String box = ChatMailboxes.normalize(mailbox);
        var open = conversations.open(new Visitor(digest, box, team.get(), browser));
        var locale = texts.language(open.map(Conversation::customerId), browser);
        var visitor = new Visitor(digest, box, team.get(), locale);
        session.getAttributes().put(VISITOR, visitor);
        boolean available = positions.available(team.get().value());
        send(
                peer,
                frames.write(java.util.Map.of(
                        "type", "welcome",
                        "token", token,
                        "state", open.map(c -> c.state().value()).orElse("new"),
                        "agent",
                                open.map(Conversation::agentName)
                                        .map(Object.class::cast)
                                        .orElse(""),
                        "available", available,
                        "known", open.map(c -> c.caseId() != null).orElse(false),
                        "last", open.map(Conversation::lastSeq).orElse(0L),
                        "texts", texts.of(locale))));
        if (open.isPresent()) {
            attach(session, peer, open.get().id());
            long after = Math.max(0, frame.path("after").asLong(0));
            conversations.after(open.get().id(), after).forEach(m -> send(peer, frames.message(m)));
            positions.push(open.get(), available);
        }
    }

    private void start(WebSocketSession session, ChatHub.Peer peer, Visitor visitor, JsonNode frame) {
        String email = field(frame, "email");
        if (email != null && !email.contains("@")) {
            throw new InvalidInputException("email", "is not an email address");
        }
        if (refused(session, peer, visitor, frame, false)) {
            return;
        }
        var conversation = conversations.profile(
                visitor, field(frame, "name"), email, field(frame, "phone"), field(frame, "topic"));
        attach(session, peer, conversation.id());
        send(peer, frames.of("started"));
    }

    private void message(WebSocketSession session, ChatHub.Peer peer, Visitor visitor, JsonNode frame, int removed) {
        String id = id(frame);
        String text = text(frame);
        if (refused(session, peer, visitor, frame, true)) {
            return;
        }
        boolean wasWaiting = session.getAttributes().get(CHAT) != null;
        var sent = conversations.fromCustomer(visitor, id, text, removed);
        // The socket joins the chat before the ack, so nothing published from then on passes it by.
        attach(session, peer, sent.message().conversationId());
        send(peer, frames.of("ack", "id", id, "seq", sent.message().seq()));
        // To the agents at once: reading the chat back (for the queue position) waits for a connection.
        if (!sent.duplicate()) {
            hub.publish(new Outgoing(
                    sent.message().conversationId(),
                    Outgoing.Audience.ALL,
                    frames.message(sent.message()),
                    sent.message().seq(),
                    session.getId()));
        }
        var conversation = conversations.find(sent.message().conversationId()).orElseThrow();
        if (!sent.duplicate() && (!wasWaiting || sent.message().seq() == 1)) {
            positions.push(conversation, positions.available(visitor.teamId().value()));
        }
    }

    private void typing(WebSocketSession session, JsonNode frame) {
        var chat = (UUID) session.getAttributes().get(CHAT);
        boolean on = frame.path("on").asBoolean(false);
        long now = System.nanoTime();
        var last = (long[]) session.getAttributes().computeIfAbsent(TYPING, k -> new long[] {0, 0});
        // At most one "typing" a second; "stopped" always passes, once.
        if (chat == null || (on && last[1] == 1 && now - last[0] < 1_000_000_000L) || (!on && last[1] == 0)) {
            return;
        }
        last[0] = now;
        last[1] = on ? 1 : 0;
        hub.publish(Outgoing.to(chat, Outgoing.Audience.AGENTS, frames.of("typing", "on", on)));
    }

    private void supervisor(WebSocketSession session, ChatHub.Peer peer) {
        var chat = (UUID) session.getAttributes().get(CHAT);
        var conversation = chat == null ? null : conversations.find(chat).orElse(null);
        if (conversation != null && !conversation.ended()) {
            supervisors.request(conversation);
        }
        send(peer, frames.of("notice", "key", "supervisor-requested"));
    }

    private void leave(WebSocketSession session, JsonNode frame) {
        var chat = (UUID) session.getAttributes().get(CHAT);
        if (chat != null) {
            var window = window(frame);
            conversations.leave(
                    chat, field(frame, "email"), field(frame, "phone"), window, window == null ? "left" : "callback");
        } else {
            send((ChatHub.Peer) session.getAttributes().get(PEER), frames.of("ended"));
        }
    }

    private void offline(WebSocketSession session, ChatHub.Peer peer, Visitor visitor, JsonNode frame, int removed) {
        String id = id(frame);
        if (refused(session, peer, visitor, frame, true)) {
            return;
        }
        offline.leave(
                visitor,
                id,
                text(frame),
                removed,
                field(frame, "name"),
                field(frame, "email"),
                field(frame, "phone"),
                window(frame));
        send(peer, frames.of("ack", "id", id));
        send(peer, frames.of("notice", "key", "message-left"));
    }

    /**
     * Whether the limits refuse what the frame would begin (and the widget was told so, with when to
     * try again): a new chat counts against the client address's allowance; a first message, which
     * opens a case, must come at least {@code min-time-before-case} after the widget connected.
     */
    private boolean refused(
            WebSocketSession session, ChatHub.Peer peer, Visitor visitor, JsonNode frame, boolean opensCase) {
        var open = conversations.open(visitor);
        if (open.isPresent() && open.get().caseId() != null) {
            return false;
        }
        if (opensCase) {
            long waited = System.nanoTime() - (long) session.getAttributes().get(SINCE);
            long missing = settings.minTimeBeforeCase().toNanos() - waited;
            if (missing > 0) {
                limits.refused(ChatLimits.Refusal.TOO_SOON);
                send(
                        peer,
                        frames.of(
                                "error",
                                "code",
                                ChatLimits.Refusal.TOO_SOON.code,
                                "id",
                                Frames.text(frame, "id"),
                                "retryIn",
                                java.time.Duration.ofNanos(missing).toMillis() + 1));
                return true;
            }
        }
        if (open.isEmpty()) {
            var allowed = limits.chat(ClientAddresses.of(session));
            if (!allowed.allowed()) {
                send(
                        peer,
                        frames.of(
                                "error",
                                "code",
                                ChatLimits.Refusal.CHATS.code,
                                "id",
                                Frames.text(frame, "id"),
                                "retryIn",
                                allowed.retryIn().toMillis()));
                return true;
            }
        }
        return false;
    }

    private void attach(WebSocketSession session, ChatHub.Peer peer, UUID chat) {
        var current = (UUID) session.getAttributes().get(CHAT);
        if (chat.equals(current)) {
            return;
        }
        if (current != null) {
            detach(session, peer, current);
        }
        session.getAttributes().put(CHAT, chat);
        hub.add(chat, peer);
        conversations.connected(chat, nodes.id(), 1);
    }

    private void detach(WebSocketSession session, ChatHub.Peer peer, UUID chat) {
        hub.remove(chat, peer);
        try {
            conversations.connected(chat, nodes.id(), -1);
            var now = clock.instant();
            conversations.disconnected(chat, now);
            grace.start(chat, now, settings.grace());
        } catch (RuntimeException e) {
            log.warn("Could not record that a socket of chat {} closed: {}", chat, e.getMessage());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        var chat = (UUID) session.getAttributes().get(CHAT);
        if (chat != null) {
            detach(session, (ChatHub.Peer) session.getAttributes().get(PEER), chat);
        }
    }

    private String id(JsonNode frame) {
        String id = Frames.text(frame, "id");
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw new InvalidInputException("id", "give each message an id of up to " + MAX_ID + " characters");
        }
        return id;
    }

    private String text(JsonNode frame) {
        String text = Frames.text(frame, "text");
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "write something");
        }
        if (text.length() > settings.maxMessageLength()) {
            throw new ConflictException(
                    "too-long", "A message may have up to " + settings.maxMessageLength() + " characters");
        }
        return text;
    }

    /** The window a customer asked to be called back in ({@code from}, {@code until}: ISO-8601 instants), if any. */
    private static @Nullable CallbackWindow window(JsonNode frame) {
        String from = Frames.text(frame, "from");
        String until = Frames.text(frame, "until");
        if (from == null && until == null) {
            return null;
        }
        try {
            return new CallbackWindow(Instant.parse(String.valueOf(from)), Instant.parse(String.valueOf(until)));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("from", "give the window as two ISO-8601 instants");
        }
    }

    private static @Nullable String field(JsonNode frame, String name) {
        String value = Conversations.blankToNull(Frames.text(frame, name));
        if (value != null && value.length() > MAX_FIELD) {
            throw new InvalidInputException(name, "may have up to " + MAX_FIELD + " characters");
        }
        return value;
    }

    private static Locale locale(WebSocketSession session, @Nullable String lang) {
        if (lang != null && lang.matches("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")) {
            return Locale.forLanguageTag(lang);
        }
        var accepted = session.getHandshakeHeaders().getAcceptLanguageAsLocales();
        return accepted.isEmpty() ? Locale.ENGLISH : accepted.getFirst();
    }

    private static void send(ChatHub.Peer peer, String frame) {
        ChatHub.send(peer.socket(), new TextMessage(frame));
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (java.io.IOException e) {
            log.debug("Closing chat socket {}: {}", session.getId(), e.getMessage());
        }
    }
}
