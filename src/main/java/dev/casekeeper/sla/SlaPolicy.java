package dev.casekeeper.sla;

import dev.casekeeper.cases.Priority;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy: which cases it applies to, the calendar its time counts in, targets per priority,
 * whether {@code on_hold} pauses resolution, and an optional check-in some business days after solving.
 */
public record SlaPolicy(
        PolicyId id,
        String name,
        int position,
        CalendarId calendarId,
        PolicyConditions conditions,
        Map<Priority, Targets> targets,
        boolean pauseOnHold,
        @Nullable Integer checkinAfterBusinessDays,
        Instant createdAt,
        Instant updatedAt) {}
