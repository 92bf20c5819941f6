package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseId;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A customer message was scored for frustration, once per message: in the transaction that received
 * it, or later when scoring it then failed. For modules that keep figures of a case's frustration
 * (reports), which read the scores through {@link AssistManagement#scoresOf}.
 */
@NamedInterface("events")
public record MessageScored(CaseId caseId, UUID entryId, int score, FrustrationLevel level) {}
