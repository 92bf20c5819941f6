package dev.casekeeper.automations.rest;

import dev.casekeeper.automations.Automation;
import dev.casekeeper.automations.AutomationAction;
import dev.casekeeper.automations.Condition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A trigger or a time-based automation as the API shows it (docs/automations.md). */
record AutomationResponse(
        UUID id,
        String kind,
        String name,
        boolean enabled,
        int position,
        @Nullable String event,
        @Nullable String status,
        @Nullable Integer hours,
        String match,
        List<Condition> conditions,
        List<AutomationAction> actions,
        Instant createdAt,
        Instant updatedAt) {

    static AutomationResponse of(Automation a) {
        return new AutomationResponse(
                a.id(),
                a.kind().value(),
                a.name(),
                a.enabled(),
                a.position(),
                a.event() == null ? null : a.event().value(),
                a.status(),
                a.hours(),
                a.matchAll() ? "all" : "any",
                a.conditions(),
                a.actions(),
                a.createdAt(),
                a.updatedAt());
    }
}
