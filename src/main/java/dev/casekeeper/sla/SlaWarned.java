package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A case's SLA clock passed the warning share of its target; recorded once per clock cycle. */
@NamedInterface("events")
public record SlaWarned(CaseId caseId, Target target, int cycle, Instant dueAt) {}
