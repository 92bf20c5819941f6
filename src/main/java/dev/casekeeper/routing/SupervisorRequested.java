package dev.casekeeper.routing;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;

/** Someone asked for a supervisor on the case ({@code source}: {@code widget}, {@code message}, {@code agent}, …). */
public record SupervisorRequested(CaseId caseId, String source, Instant at) {}
