package dev.casekeeper.channels.chat;

import dev.casekeeper.bus.ClusterBus;
import dev.casekeeper.bus.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The chat sockets open on this node, by chat, and the way frames reach them on every node: through
 * the cluster bus's {@code chat} topic, once the change committed. Each socket is wrapped so that
 * sends from several threads queue up (bounded) instead of colliding; each delivery runs on a
 * virtual thread, so a slow socket holds up nobody else.
 *
 * <p>For each chat with a socket here, the hub knows the last numbered message it passed on. When
 * the bus may have missed frames, {@link ChatCatchUp} sends the sockets what was stored since, from
 * the chat's tables; the widget and the panel show each numbered message once, whatever comes twice.
 */
@Component
class ChatHub implements ClusterBus.Subscriber {

    static final Topic TOPIC = new Topic("chat");
    private static final Logger log = LoggerFactory.getLogger(ChatHub.class);

    /** One open socket: the customer's widget or an agent's panel. */
    record Peer(WebSocketSession socket, boolean agent) {}

    private final Map<UUID, Set<Peer>> peers = new ConcurrentHashMap<>();
    /** The last numbered message of each chat with a socket here that this node passed on (or had when it came). */
    private final Map<UUID, Long> passedOn = new ConcurrentHashMap<>();

    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ClusterBus bus;
    private final ConversationQueries conversations;
    private final ChatCatchUp catchUp;
    private final Frames frames;
    private volatile @Nullable Consumer<UUID> queueListener;

    ChatHub(ClusterBus bus, ConversationQueries conversations, ChatCatchUp catchUp, Frames frames) {
        this.bus = bus;
        this.conversations = conversations;
        this.catchUp = catchUp;
        this.frames = frames;
        bus.subscribe(TOPIC, this);
    }

    void add(UUID conversationId, Peer peer) {
        peers.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet())
                .add(peer);
        // Whatever is stored up to here the socket reads itself when it says hello.
        passedOn.computeIfAbsent(
                conversationId,
                id -> conversations.find(id).map(Conversation::lastSeq).orElse(0L));
    }

    /** Removes the socket; answers how many customer sockets of the chat this node still has. */
    int remove(UUID conversationId, Peer peer) {
        var left = peers.computeIfPresent(conversationId, (id, set) -> {
            set.remove(peer);
            return set.isEmpty() ? null : set;
        });
        if (left == null) {
            passedOn.remove(conversationId);
        }
        return left == null ? 0 : (int) left.stream().filter(p -> !p.agent()).count();
    }

    /** Chats with a customer socket on this node. */
    Set<UUID> customerChats() {
        var ids = ConcurrentHashMap.<UUID>newKeySet();
        peers.forEach((id, set) -> {
            if (set.stream().anyMatch(p -> !p.agent())) {
                ids.add(id);
            }
        });
        return ids;
    }

    int size() {
        return peers.values().stream().mapToInt(Set::size).sum();
    }

    /** Whoever should react when a team's queue changed (positions go to waiting customers). */
    void onQueueChanged(Consumer<UUID> listener) {
        this.queueListener = listener;
    }

    /**
     * Sends to the chat's sockets here and on every node, after the current transaction commits (at
     * once without one), so nobody sees what might roll back. A frame too large for the bus travels
     * as the number of its stored message, which each node reads.
     */
    void publish(Outgoing out) {
        var envelope = new HashMap<String, Object>(
                Map.of("c", out.conversationId().toString(), "a", out.audience().name(), "f", out.frame()));
        if (out.seq() > 0) {
            envelope.put("s", out.seq());
        }
        if (out.exceptSocket() != null) {
            envelope.put("x", out.exceptSocket());
        }
        String payload = frames.write(envelope);
        if (payload.getBytes(StandardCharsets.UTF_8).length > ClusterBus.MAX_PAYLOAD_BYTES) {
            envelope.remove("f");
            payload = frames.write(envelope);
        }
        bus.publish(TOPIC, payload);
    }

    /** The same as {@link #publish}: named for callers inside a transaction, where it matters. */
    void publishAfterCommit(Outgoing out) {
        publish(out);
    }

    /** Tells every node (this one too) that a team's queue changed, once the change committed. */
    void queueChanged(UUID teamId) {
        bus.publish(TOPIC, frames.write(Map.of("q", teamId.toString())));
    }

    /** Sends a frame to this node's sockets of the chat only. */
    void deliver(Outgoing out) {
        var set = peers.get(out.conversationId());
        if (set == null) {
            return;
        }
        if (out.seq() > 0) {
            passedOn.computeIfPresent(out.conversationId(), (id, seq) -> Math.max(seq, out.seq()));
        }
        var message = new TextMessage(out.frame());
        for (var peer : set) {
            boolean wanted = switch (out.audience()) {
                case ALL -> true;
                case CUSTOMER -> !peer.agent();
                case AGENTS -> peer.agent();
            };
            if (wanted && !peer.socket().getId().equals(out.exceptSocket())) {
                senders.execute(() -> send(peer.socket(), message));
            }
        }
    }

    static void send(WebSocketSession socket, TextMessage message) {
        try {
            if (socket.isOpen()) {
                socket.sendMessage(message);
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Chat socket {} could not take a frame: {}", socket.getId(), e.getMessage());
            try {
                socket.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException ignored) {
                // closing what is already broken
            }
        }
    }

    @Override
    public void receive(String payload) {
        var signal = frames.tree(payload);
        if (signal.has("q")) {
            tell(queueListener, UUID.fromString(signal.get("q").asString()));
            return;
        }
        var conversation = UUID.fromString(signal.get("c").asString());
        if (!peers.containsKey(conversation)) {
            return;
        }
        var audience = Outgoing.Audience.valueOf(signal.get("a").asString());
        String except = signal.has("x") ? signal.get("x").asString() : null;
        long seq = signal.path("s").asLong(0);
        if (signal.has("f")) {
            deliver(new Outgoing(conversation, audience, signal.get("f").asString(), seq, except));
        } else {
            conversations
                    .message(conversation, seq)
                    .ifPresent(m -> deliver(new Outgoing(conversation, audience, frames.message(m), m.seq(), except)));
        }
    }

    private static void tell(@Nullable Consumer<UUID> listener, UUID teamId) {
        if (listener != null) {
            listener.accept(teamId);
        }
    }

    /** Frames may have been lost: what the chats here stored since is sent again, on a thread of its own. */
    @Override
    public void missedMessages() {
        var since = Map.copyOf(passedOn);
        if (since.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("chat-catch-up").start(() -> {
            try {
                catchUp.resend(since, this::deliver, team -> tell(queueListener, team));
            } catch (RuntimeException e) {
                log.warn("Could not send {} chat(s) what they may have missed: {}", since.size(), e.getMessage());
            }
        });
    }
}
