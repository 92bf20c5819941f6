package dev.casekeeper.cases;

import java.util.UUID;

/** A customer message was added to a case. */
public record MessageReceived(CaseId caseId, UUID entryId) {}
