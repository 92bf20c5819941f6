package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Where a team's contacts go when they wait longer than {@code overflowAfter}; both null: they stay. */
public record TeamRouting(
        TeamId teamId,
        @Nullable TeamId overflowTeamId,
        @Nullable Duration overflowAfter) {}
