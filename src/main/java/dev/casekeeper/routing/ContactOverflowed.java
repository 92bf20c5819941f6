package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;

/** A contact waited longer than its team allows and moved to the overflow team's queue. */
public record ContactOverflowed(
        ContactId contactId, CaseId caseId, TeamId fromTeamId, TeamId toTeamId, Duration waited) {}
