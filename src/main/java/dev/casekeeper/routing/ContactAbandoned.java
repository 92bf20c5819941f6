package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import org.springframework.modulith.NamedInterface;

/** The customer left before an agent answered, after waiting {@code waited}. */
@NamedInterface("events")
public record ContactAbandoned(
        ContactId contactId, CaseId caseId, TeamId teamId, RoutedChannel channel, Duration waited) {}
