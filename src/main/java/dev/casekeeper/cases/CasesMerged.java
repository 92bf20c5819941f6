package dev.casekeeper.cases;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A duplicate was merged into another case, in the transaction that publishes this: a module that
 * keeps its own things per case (open promises) may move them to the target with it.
 */
@NamedInterface("events")
public record CasesMerged(UUID mergeId, CaseId sourceId, CaseId targetId) {}
