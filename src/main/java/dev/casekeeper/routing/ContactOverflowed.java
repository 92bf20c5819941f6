package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import org.springframework.modulith.NamedInterface;

/** A contact waited longer than its team allows and moved to the overflow team's queue. */
@NamedInterface("events")
public record ContactOverflowed(
        ContactId contactId, CaseId caseId, TeamId fromTeamId, TeamId toTeamId, Duration waited) {}
