package dev.casekeeper.cases;

import org.springframework.modulith.NamedInterface;

/** A case's status changed. */
@NamedInterface("events")
public record StatusChanged(CaseId caseId, CaseStatus from, CaseStatus to) {}
