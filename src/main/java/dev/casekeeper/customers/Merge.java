package dev.casekeeper.customers;

import dev.casekeeper.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A merge of the {@code source} record into the {@code target} record, with its audit trail, oldest
 * step first. Proposed by an agent; completed when the customer proves an identity of each record
 * in the portal or a supervisor confirms it with a reason; declined; or undone by a supervisor.
 */
public record Merge(
        MergeId id,
        CustomerId source,
        CustomerId target,
        State state,
        @Nullable String note,
        @Nullable UUID proposedBy,
        Instant proposedAt,
        Instant updatedAt,
        List<Step> trail) {

    public enum State {
        PROPOSED,
        COMPLETED,
        DECLINED,
        UNDONE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State from(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** One step of the audit trail: what was done, by whom, why. */
    public record Step(State action, Actor actor, @Nullable String reason, Instant at) {}

    /** Whether this merge joins the two records, in either direction. */
    public boolean joins(CustomerId one, CustomerId other) {
        return (source.equals(one) && target.equals(other)) || (source.equals(other) && target.equals(one));
    }

    /** The record of the two that is not {@code one}. */
    public CustomerId other(CustomerId one) {
        return source.equals(one) ? target : source;
    }
}
