package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseSummary;

/** A case after a one-step handover, with the reason and summary written for the receiver. */
public record HandedOver(CaseSummary caseSummary, String reason, String summary) {}
