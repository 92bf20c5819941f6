package dev.casekeeper.macros;

import dev.casekeeper.cases.CaseSummary;
import java.util.List;

/** A canned response applied to a case: what changed, the case after, and its text filled in for the reply. */
public record MacroApplied(List<MacroChange> changes, CaseSummary kase, RenderedMacro rendered) {}
