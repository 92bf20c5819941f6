package dev.casekeeper.channels.chat;

import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.Presence;
import dev.casekeeper.routing.PresenceManagement;
import dev.casekeeper.routing.QueueManagement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Waiting customers' positions and estimated waits (or that an agent is being offered the chat now),
 * pushed when their team's queue changes. Changes
 * of one team close together are answered once (after {@value #COALESCE_MILLIS} ms), and only for
 * the chats with a customer connected to this node: one query for those chats, one routing look-up
 * for each of them, no polling.
 */
@Component
class QueuePositions {

    static final long COALESCE_MILLIS = 200;
    static final long AVAILABLE_MILLIS = 2000;
    private static final Logger log = LoggerFactory.getLogger(QueuePositions.class);

    private final ChatHub hub;
    private final ConversationQueries queries;
    private final PresenceManagement presence;
    private final QueueManagement queues;
    private final Frames frames;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private final java.util.Map<UUID, long[]> availability = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-queue").daemon().factory());

    QueuePositions(
            ChatHub hub,
            ConversationQueries queries,
            PresenceManagement presence,
            QueueManagement queues,
            Frames frames) {
        this.hub = hub;
        this.queries = queries;
        this.presence = presence;
        this.queues = queues;
        this.frames = frames;
        hub.onQueueChanged(this::changed);
    }

    void changed(UUID teamId) {
        if (pending.add(teamId)) {
            timer.schedule(
                    () -> Thread.ofVirtual().start(() -> refresh(teamId)), COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void refresh(UUID teamId) {
        pending.remove(teamId);
        availability.remove(teamId);
        try {
            var waiting = queries.waiting(teamId, hub.customerChats());
            if (waiting.isEmpty()) {
                return;
            }
            boolean available = available(teamId);
            waiting.forEach(c -> push(c, available));
        } catch (RuntimeException e) {
            log.warn("Could not update the queue positions of team {}: {}", teamId, e.getMessage());
        }
    }

    /**
     * Whether an agent of the team is available to take chats now. Kept for {@value #AVAILABLE_MILLIS}
     * ms, so that many widgets saying hello at once ask routing once.
     */
    boolean available(UUID teamId) {
        long now = System.nanoTime();
        var known = availability.get(teamId);
        if (known != null && now - known[1] < AVAILABLE_MILLIS * 1_000_000L) {
            return known[0] == 1;
        }
        boolean available = presence.agents().stream()
                .anyMatch(a -> a.presence() == Presence.AVAILABLE
                        && a.chatCapacity() > 0
                        && a.teamIds().stream().anyMatch(t -> t.value().equals(teamId)));
        if (availability.size() > 10_000) {
            availability.clear();
        }
        availability.put(teamId, new long[] {available ? 1 : 0, now});
        return available;
    }

    /**
     * Sends the chat's position and estimate to its sockets on this node, if it still waits; while
     * an agent is being offered it, that it is offered.
     */
    void push(Conversation conversation, boolean available) {
        if (conversation.contactId() == null) {
            return;
        }
        var contact = queues.contact(new ContactId(conversation.contactId()));
        if (contact.state() == ContactState.OFFERED) {
            // An agent is being asked now: a wait estimate for the queue would say the opposite.
            hub.deliver(Outgoing.to(
                    conversation.id(),
                    Outgoing.Audience.ALL,
                    frames.of("queue", "offered", true, "available", available)));
            return;
        }
        if (contact.position() == null) {
            return;
        }
        long wait =
                contact.estimatedWait() == null ? 0 : contact.estimatedWait().toSeconds();
        hub.deliver(Outgoing.to(
                conversation.id(),
                Outgoing.Audience.ALL,
                frames.of("queue", "position", contact.position(), "waitSeconds", wait, "available", available)));
    }
}
