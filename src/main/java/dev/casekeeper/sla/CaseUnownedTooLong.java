package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A case waited without an owner longer than allowed; supervisors were told. Once per wait. */
@NamedInterface("events")
public record CaseUnownedTooLong(CaseId caseId, int cycle, Instant unownedSince) {}
