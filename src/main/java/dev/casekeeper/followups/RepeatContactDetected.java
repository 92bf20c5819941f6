package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** A case was flagged as a repeat contact, linked to the earlier case. */
@NamedInterface("events")
public record RepeatContactDetected(CaseId caseId, CaseId earlierCaseId) {}
