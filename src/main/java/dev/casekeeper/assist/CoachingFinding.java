package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.UUID;

/** A tone finding on a reply an agent sent: material for coaching, never shown to the customer. */
public record CoachingFinding(long id, UUID entryId, CaseId caseId, AgentId agentId, ToneFinding finding, Instant at) {}
