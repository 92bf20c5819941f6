package dev.casekeeper.channels.chat;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One numbered message of a chat: written by the customer or an agent, or a system event
 * ({@code joined}, {@code agent-left}, {@code left}, {@code ended}, {@code supervisor-requested}).
 * {@code entryId} is the case timeline entry the message is (an agent's may carry files).
 */
record ChatMessage(
        UUID conversationId,
        long seq,
        String author,
        @Nullable UUID authorId,
        @Nullable String authorName,
        @Nullable String clientId,
        @Nullable String event,
        @Nullable String body,
        Instant at,
        @Nullable UUID entryId) {

    static final String CUSTOMER = "customer";
    static final String AGENT = "agent";
    static final String SYSTEM = "system";
}
