package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A case missed an SLA target; recorded once per clock cycle. */
@NamedInterface("events")
public record SlaBreached(CaseId caseId, Target target, int cycle, Instant dueAt) {}
