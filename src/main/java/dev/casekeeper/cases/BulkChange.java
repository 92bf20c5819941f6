package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One change to many cases: what to do, and what it needs. {@code ASSIGN} needs {@code ownerId};
 * {@code STATUS} a {@code status}; {@code PRIORITY} a {@code priority}; {@code ADD_TAGS} and
 * {@code REMOVE_TAGS} {@code tags}; {@code MERGE} a {@code targetId} (every other case is merged into
 * it); {@code SPAM} may block the senders.
 */
public record BulkChange(
        Action action,
        List<CaseId> caseIds,
        @Nullable AgentId ownerId,
        @Nullable CaseStatus status,
        @Nullable Priority priority,
        @Nullable List<String> tags,
        @Nullable CaseId targetId,
        boolean blockSender) {

    /** The most cases one bulk change takes. */
    public static final int MAX_CASES = 500;

    public enum Action {
        ASSIGN,
        STATUS,
        PRIORITY,
        ADD_TAGS,
        REMOVE_TAGS,
        MERGE,
        SPAM
    }

    public BulkChange {
        caseIds = List.copyOf(caseIds.stream().distinct().toList());
        tags = tags == null ? null : List.copyOf(tags);
    }

    /**
     * What happened to one case: {@code changed} when the change was made (or the case already had
     * it), else the refusal's {@code code} and {@code detail}.
     */
    public record Outcome(
            CaseId caseId,
            boolean changed,
            @Nullable String code,
            @Nullable String detail) {}
}
