package dev.casekeeper.feedback;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's complaint about the service on a case, and the complaint case it opened, owned by a
 * supervisor of the case's team. Permanent.
 */
public record Complaint(
        UUID id,
        CaseId caseId,
        long caseNumber,
        CaseId complaintCaseId,
        long complaintCaseNumber,
        @Nullable AgentId agentId,
        @Nullable AgentId supervisorId,
        String text,
        Instant createdAt) {}
