package dev.casekeeper.callbacks;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A call back promised to a customer on a case: owned by {@code ownerId}, or by the team's queue
 * while that is null; due at the end of its window. Open until done with its {@link Outcome}; a
 * call that found nobody and was planned again stays open with a new window and one more attempt.
 */
public record Callback(
        CallbackId id,
        CaseId caseId,
        long caseNumber,
        String caseSubject,
        @Nullable TeamId teamId,
        @Nullable AgentId ownerId,
        @Nullable String phone,
        @Nullable String email,
        CallbackWindow window,
        Source source,
        @Nullable String note,
        State state,
        int attempts,
        @Nullable Outcome outcome,
        @Nullable String outcomeNote,
        @Nullable AgentId createdBy,
        Instant createdAt,
        @Nullable AgentId doneBy,
        @Nullable Instant doneAt,
        @Nullable Instant overdueAt) {

    /** Due: the end of the window promised to the customer. */
    public Instant dueAt() {
        return window.until();
    }

    public boolean open() {
        return state == State.OPEN;
    }

    public boolean overdue(Instant now) {
        return open() && !now.isBefore(window.until());
    }

    public enum State {
        OPEN,
        DONE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State from(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** What the call came to. */
    public enum Outcome {
        /** The customer was reached. */
        REACHED,
        /** Nobody answered; with a new window the callback stays open for another try. */
        NO_ANSWER,
        /** Nobody answered and a message was left. */
        LEFT_MESSAGE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome from(String value) {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** Where the request came from. */
    public enum Source {
        /** An agent promised it. */
        AGENT,
        /** The customer left a queue (a chat, a call) and gave a way back. */
        QUEUE,
        /** The customer asked in the chat widget. */
        WIDGET,
        /** The customer asked in the portal. */
        PORTAL,
        /** A phone call (an abandoned call, a hold that ran long). */
        PHONE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Source from(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
