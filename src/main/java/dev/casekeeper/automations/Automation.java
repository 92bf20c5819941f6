package dev.casekeeper.automations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A trigger or a time-based automation. A trigger has its {@code event}; a time-based automation
 * its {@code status} and {@code hours} (acts once on each case that has been in that status that
 * long). {@code matchAll}: every condition must hold, else any one.
 */
public record Automation(
        UUID id,
        Kind kind,
        String name,
        boolean enabled,
        int position,
        @Nullable TriggerEvent event,
        @Nullable String status,
        @Nullable Integer hours,
        boolean matchAll,
        List<Condition> conditions,
        List<AutomationAction> actions,
        Instant createdAt,
        Instant updatedAt) {

    public enum Kind {
        TRIGGER,
        TIMED;

        public String value() {
            return name().toLowerCase();
        }
    }
}
