package dev.casekeeper.views;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A list an agent saved: personal (no team) or shared with a team.
 *
 * @param columns what the list shows: {@code number}, {@code subject}, {@code status}, {@code priority},
 *     {@code owner}, {@code team}, {@code channel}, {@code created}, {@code updated}, {@code waiting},
 *     or {@code field:<apiKey>}
 */
public record SavedView(
        UUID id, String name, AgentId ownerId, @Nullable TeamId teamId, ViewFilters filters, List<String> columns) {

    public static final List<String> COLUMNS = List.of(
            "number", "subject", "status", "priority", "owner", "team", "channel", "created", "updated", "waiting");

    public boolean shared() {
        return teamId != null;
    }
}
