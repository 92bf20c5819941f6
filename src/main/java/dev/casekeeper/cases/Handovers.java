package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads ownership steps and the latest handover back from the timeline's events. */
final class Handovers {

    private Handovers() {}

    static @Nullable Handover latest(List<TimelineEntry> timeline) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            var entry = timeline.get(i);
            if (entry.event() instanceof TimelineEvent.Transferred transfer) {
                return new Handover(
                        transfer.fromOwnerId(),
                        transfer.toAgentId(),
                        transfer.toTeamId(),
                        transfer.reason(),
                        transfer.summary(),
                        entry.author().id() == null
                                ? null
                                : new AgentId(entry.author().id()),
                        entry.createdAt());
            }
        }
        return null;
    }

    static Optional<OwnerChange> ownerChange(TimelineEntry entry) {
        return switch (entry.event()) {
            case TimelineEvent.Assigned assigned ->
                Optional.of(new OwnerChange(
                        "assigned", null, assigned.toAgentId(), null, null, null, entry.author(), entry.createdAt()));
            case TimelineEvent.Transferred transfer ->
                Optional.of(new OwnerChange(
                        "transferred",
                        transfer.fromOwnerId(),
                        transfer.toAgentId(),
                        transfer.toTeamId(),
                        transfer.reason(),
                        transfer.summary(),
                        entry.author(),
                        entry.createdAt()));
            case null, default -> Optional.empty();
        };
    }
}
