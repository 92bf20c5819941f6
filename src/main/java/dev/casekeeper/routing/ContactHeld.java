package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** The agent put the live contact on hold at {@code since}; at {@code since + limit} they are prompted to return. */
@NamedInterface("events")
public record ContactHeld(ContactId contactId, CaseId caseId, AgentId agentId, Instant since, Duration limit) {}
