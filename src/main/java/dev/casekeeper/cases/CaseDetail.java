package dev.casekeeper.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A case with its whole timeline and, when it was transferred, the latest handover first. */
public record CaseDetail(CaseSummary summary, @Nullable Handover handover, List<TimelineEntry> timeline) {}
