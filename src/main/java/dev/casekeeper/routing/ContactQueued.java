package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;

/** A contact started waiting in a team's queue. */
public record ContactQueued(ContactId contactId, CaseId caseId, TeamId teamId, RoutedChannel channel) {}
