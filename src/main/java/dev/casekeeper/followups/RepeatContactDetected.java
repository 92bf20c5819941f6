package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseId;

/** A case was flagged as a repeat contact, linked to the earlier case. */
public record RepeatContactDetected(CaseId caseId, CaseId earlierCaseId) {}
