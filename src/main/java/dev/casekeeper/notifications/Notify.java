package dev.casekeeper.notifications;

import dev.casekeeper.agents.AgentId;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Tell these agents something. {@code onceKey} names the alert (e.g. {@code sla:<case>:resolution:1:breach}):
 * each recipient gets one notification per key, however often the sender runs.
 */
public record Notify(
        Set<AgentId> recipients, String kind, @Nullable UUID caseId, String text, String onceKey) {

    public Notify {
        recipients = Set.copyOf(recipients);
    }

    public static Notify of(
            Collection<AgentId> recipients, String kind, @Nullable UUID caseId, String text, String onceKey) {
        return new Notify(Set.copyOf(recipients), kind, caseId, text, onceKey);
    }
}
