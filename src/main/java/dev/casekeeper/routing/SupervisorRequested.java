package dev.casekeeper.routing;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** Someone asked for a supervisor on the case ({@code source}: {@code widget}, {@code message}, {@code agent}, …). */
@NamedInterface("events")
public record SupervisorRequested(CaseId caseId, String source, Instant at) {}
