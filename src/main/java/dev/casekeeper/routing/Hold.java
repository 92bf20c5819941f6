package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import java.time.Instant;

/** A contact on hold now: since when, its limit, and whether the agent was already prompted to return. */
public record Hold(
        ContactId contactId,
        CaseId caseId,
        TeamId teamId,
        AgentId agentId,
        Instant since,
        Duration limit,
        boolean limitReached) {

    /** When the agent is prompted to return. */
    public Instant limitAt() {
        return since.plus(limit);
    }
}
