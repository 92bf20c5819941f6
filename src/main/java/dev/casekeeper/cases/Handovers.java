package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads ownership steps and the latest handover back from the timeline's events. */
final class Handovers {

    private Handovers() {}

    static @Nullable Handover latest(List<TimelineEntry> timeline) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            var entry = timeline.get(i);
            if ("transferred".equals(entry.eventType())) {
                var data = entry.data();
                return new Handover(
                        agent(data.get("fromOwnerId")),
                        agent(data.get("toAgentId")),
                        team(data.get("toTeamId")),
                        String.valueOf(data.get("reason")),
                        String.valueOf(data.get("summary")),
                        entry.author().id() == null
                                ? null
                                : new AgentId(entry.author().id()),
                        entry.createdAt());
            }
        }
        return null;
    }

    static OwnerChange ownerChange(TimelineEntry entry) {
        var data = entry.data();
        return new OwnerChange(
                entry.eventType() == null ? "" : entry.eventType(),
                agent(data.get("fromOwnerId")),
                agent(data.get("toAgentId")),
                team(data.get("toTeamId")),
                (String) data.get("reason"),
                (String) data.get("summary"),
                entry.author(),
                entry.createdAt());
    }

    private static @Nullable AgentId agent(@Nullable Object value) {
        return value == null ? null : new AgentId(UUID.fromString(value.toString()));
    }

    private static @Nullable TeamId team(@Nullable Object value) {
        return value == null ? null : new TeamId(UUID.fromString(value.toString()));
    }
}
