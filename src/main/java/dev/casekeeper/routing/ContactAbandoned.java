package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;

/** The customer left before an agent answered, after waiting {@code waited}. */
public record ContactAbandoned(
        ContactId contactId, CaseId caseId, TeamId teamId, RoutedChannel channel, Duration waited) {}
