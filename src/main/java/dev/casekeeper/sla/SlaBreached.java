package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;

/** A case missed an SLA target; recorded once per clock cycle. */
public record SlaBreached(CaseId caseId, Target target, int cycle, Instant dueAt) {}
