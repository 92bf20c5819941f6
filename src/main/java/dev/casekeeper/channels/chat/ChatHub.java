package dev.casekeeper.channels.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The chat sockets open on this node, by chat, and the way frames reach them on every node: a
 * frame goes to this node's sockets at once and to the other nodes through {@link ChatBus}. Each
 * socket is wrapped so that sends from several threads queue up (bounded) instead of colliding;
 * each delivery runs on a virtual thread, so a slow socket holds up nobody else.
 */
@Component
class ChatHub {

    private static final Logger log = LoggerFactory.getLogger(ChatHub.class);
    /** Under PostgreSQL's 8000-byte limit for a NOTIFY payload, with room for the envelope. */
    private static final int MAX_PAYLOAD = 7500;

    /** One open socket: the customer's widget or an agent's panel. */
    record Peer(WebSocketSession socket, boolean agent) {}

    private final Map<UUID, Set<Peer>> peers = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ChatBus bus;
    private final ConversationQueries conversations;
    private final Frames frames;
    private volatile @Nullable Consumer<UUID> queueListener;

    ChatHub(ChatBus bus, ConversationQueries conversations, Frames frames) {
        this.bus = bus;
        this.conversations = conversations;
        this.frames = frames;
        bus.onReceive(this::receive);
    }

    void add(UUID conversationId, Peer peer) {
        peers.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet())
                .add(peer);
    }

    /** Removes the socket; answers how many customer sockets of the chat this node still has. */
    int remove(UUID conversationId, Peer peer) {
        var left = peers.computeIfPresent(conversationId, (id, set) -> {
            set.remove(peer);
            return set.isEmpty() ? null : set;
        });
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

    /** Sends to the chat's sockets here and on every node. */
    void publish(Outgoing out) {
        deliver(out);
        String payload = frames.write(Map.of(
                "n",
                bus.node().toString(),
                "c",
                out.conversationId().toString(),
                "a",
                out.audience().name(),
                "f",
                out.frame()));
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            payload = frames.write(Map.of(
                    "n",
                    bus.node().toString(),
                    "c",
                    out.conversationId().toString(),
                    "a",
                    out.audience().name(),
                    "s",
                    out.seq()));
        }
        bus.send(payload);
    }

    /** After the current transaction commits (at once without one), so nobody sees what might roll back. */
    void publishAfterCommit(Outgoing out) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(out);
                }
            });
        } else {
            publish(out);
        }
    }

    /** Tells every node (this one too) that a team's queue changed. */
    void queueChanged(UUID teamId) {
        var listener = queueListener;
        if (listener != null) {
            listener.accept(teamId);
        }
        bus.send(frames.write(Map.of("n", bus.node().toString(), "q", teamId.toString())));
    }

    /** Sends a frame to this node's sockets of the chat only. */
    void deliver(Outgoing out) {
        var set = peers.get(out.conversationId());
        if (set == null) {
            return;
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

    private void receive(String payload) {
        var signal = frames.tree(payload);
        if (bus.node().toString().equals(signal.path("n").asString(""))) {
            return;
        }
        if (signal.has("q")) {
            var listener = queueListener;
            if (listener != null) {
                listener.accept(UUID.fromString(signal.get("q").asString()));
            }
            return;
        }
        var conversation = UUID.fromString(signal.get("c").asString());
        if (!peers.containsKey(conversation)) {
            return;
        }
        var audience = Outgoing.Audience.valueOf(signal.get("a").asString());
        if (signal.has("f")) {
            deliver(Outgoing.to(conversation, audience, signal.get("f").asString()));
        } else {
            conversations
                    .message(conversation, signal.get("s").asLong())
                    .ifPresent(m -> deliver(Outgoing.to(conversation, audience, frames.message(m))));
        }
    }
}
