package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case flagged heated, and the customer message that made it so. */
public record HeatedCase(
        CaseId caseId, UUID entryId, int score, boolean supervisorRequested, List<String> signals, Instant heatedAt) {}
