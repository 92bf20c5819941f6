package dev.casekeeper.counter;

import dev.casekeeper.agents.TeamId;
import java.util.List;

/**
 * Why a walk-in comes, as the kiosk offers it: {@code code} gives its tickets their letters
 * ({@code R-042}); the team's agents with every one of {@code skills} serve it.
 */
public record Reason(
        ReasonId id, LocationId locationId, String label, String code, TeamId teamId, List<String> skills) {}
