package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;

/** A case waited without an owner longer than allowed; supervisors were told. Once per wait. */
public record CaseUnownedTooLong(CaseId caseId, int cycle, Instant unownedSince) {}
