package dev.casekeeper.cases;

import dev.casekeeper.customers.CustomerId;

/** A new case was opened. */
public record CaseOpened(CaseId caseId, long number, CustomerId requesterId, Channel channel) {}
