package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact as the queue shows it. While it waits, {@code position} (1 is next) and
 * {@code estimatedWait} say how long it is likely to wait still; both are null otherwise.
 */
public record Contact(
        ContactId id,
        CaseId caseId,
        RoutedChannel channel,
        TeamId teamId,
        List<String> requiredSkills,
        Priority priority,
        ContactState state,
        Instant arrivedAt,
        Duration waited,
        @Nullable AgentId agentId,
        @Nullable OfferId offerId,
        @Nullable Instant offerExpiresAt,
        @Nullable Integer position,
        @Nullable Duration estimatedWait,
        boolean overflowed) {}
