package dev.casekeeper.sla;

import dev.casekeeper.cases.Priority;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Creates or replaces a policy; {@code targets} must name every priority. */
public record SavePolicy(
        String name,
        int position,
        CalendarId calendarId,
        PolicyConditions conditions,
        Map<Priority, Targets> targets,
        boolean pauseOnHold,
        @Nullable Integer checkinAfterBusinessDays) {}
