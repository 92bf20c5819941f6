package dev.casekeeper.cases;

/** A case's priority changed. */
public record PriorityChanged(CaseId caseId, Priority from, Priority to) {}
