package dev.casekeeper.channels.chat;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A chat as stored: see {@code chat.conversation}. */
record Conversation(
        UUID id,
        String visitorDigest,
        UUID customerId,
        String mailbox,
        UUID teamId,
        @Nullable UUID caseId,
        @Nullable Long caseNumber,
        @Nullable UUID contactId,
        State state,
        @Nullable String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String topic,
        @Nullable UUID agentId,
        @Nullable String agentName,
        long lastSeq) {

    enum State {
        NEW,
        WAITING,
        CHATTING,
        ENDED;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State from(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    boolean ended() {
        return state == State.ENDED;
    }
}
