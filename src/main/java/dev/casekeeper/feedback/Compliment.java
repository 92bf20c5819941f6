package dev.casekeeper.feedback;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer's praise, on a case, for the agent who owned it (null: for the team). Permanent. */
public record Compliment(
        UUID id, CaseId caseId, long caseNumber, @Nullable AgentId agentId, String text, Instant createdAt) {}
