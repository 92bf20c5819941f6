package dev.casekeeper.cases;

import org.springframework.modulith.NamedInterface;

/** A case's priority changed. */
@NamedInterface("events")
public record PriorityChanged(CaseId caseId, Priority from, Priority to) {}
