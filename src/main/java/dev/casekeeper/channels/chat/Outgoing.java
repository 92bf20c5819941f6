package dev.casekeeper.channels.chat;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A frame for the sockets of one chat, on every node: for the customer, the agents, or both.
 * {@code seq} names the stored message the frame shows (0 for none), so a node can load it when
 * the frame is too large to travel in a {@code NOTIFY}. {@code exceptSocket} is left out locally
 * (the author's own socket, which has its acknowledgement).
 */
record Outgoing(
        UUID conversationId,
        Audience audience,
        String frame,
        long seq,
        @Nullable String exceptSocket) {

    enum Audience {
        CUSTOMER,
        AGENTS,
        ALL
    }

    static Outgoing to(UUID conversationId, Audience audience, String frame) {
        return new Outgoing(conversationId, audience, frame, 0, null);
    }
}
