package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** A contact started waiting in a team's queue. */
@NamedInterface("events")
public record ContactQueued(ContactId contactId, CaseId caseId, TeamId teamId, RoutedChannel channel) {}
