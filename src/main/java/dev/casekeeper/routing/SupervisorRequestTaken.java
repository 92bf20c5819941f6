package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** A supervisor took a request for a supervisor: it leaves the escalation queue. */
@NamedInterface("events")
public record SupervisorRequestTaken(SupervisorRequestId requestId, CaseId caseId, AgentId supervisorId) {}
