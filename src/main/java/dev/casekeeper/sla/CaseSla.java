package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SLA of one case now: the policy that applies, the calendar its time counts in, and each
 * clock with its due time and the business time left (negative once the target is missed).
 */
public record CaseSla(
        CaseId caseId, @Nullable PolicyRef policy, @Nullable CalendarRef calendar, List<Clock> clocks) {

    public record PolicyRef(PolicyId id, String name) {}

    public record CalendarRef(CalendarId id, String name, String zone) {}

    /**
     * @param state {@code running}, {@code warned}, {@code paused}, {@code met}, {@code stopped} or {@code breached}
     * @param dueAt when the target is (or was) missed; null while paused, or when it ended in time
     */
    public record Clock(
            Target target,
            int cycle,
            String state,
            Duration budget,
            Instant startedAt,
            @Nullable Instant warnAt,
            @Nullable Instant dueAt,
            Duration businessTimeLeft,
            @Nullable Instant warnedAt,
            @Nullable Instant breachedAt,
            @Nullable Instant endedAt) {}
}
