package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;

/** A supervisor took a request for a supervisor: it leaves the escalation queue. */
public record SupervisorRequestTaken(SupervisorRequestId requestId, CaseId caseId, AgentId supervisorId) {}
