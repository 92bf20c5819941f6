package dev.casekeeper.counter;

import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * Hands a ticket on, with why and what the walk-in already said: to another team's queue (they wait
 * again, in their place by arrival) or to another desk of the location (whose agent calls them next).
 * Exactly one of {@code toTeamId} and {@code toDesk}.
 */
public record TransferTicket(
        @Nullable TeamId toTeamId,
        @Nullable String toDesk,
        @Nullable String reason,
        @Nullable String summary) {}
