package dev.casekeeper.cases;

/** A case's status changed. */
public record StatusChanged(CaseId caseId, CaseStatus from, CaseStatus to) {}
