package dev.casekeeper.followups;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A promise made to a customer, or a check-in after solving: a dated task of the case's owner.
 * Open until kept (with a note) or withdrawn (with a reason the team sees).
 */
public record Followup(
        FollowupId id,
        CaseId caseId,
        long caseNumber,
        String caseSubject,
        Kind kind,
        @Nullable AgentId ownerId,
        String text,
        Instant dueAt,
        State state,
        @Nullable String outcome,
        @Nullable AgentId createdBy,
        Instant createdAt,
        @Nullable AgentId closedBy,
        @Nullable Instant closedAt,
        @Nullable Instant overdueAt) {

    public enum Kind {
        /** Something the agent told the customer they would do, by a time. */
        PROMISE,
        /** Confirm with the customer that the solved problem stayed solved. */
        CHECKIN;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum State {
        OPEN,
        KEPT,
        WITHDRAWN;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State from(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
