package dev.casekeeper.cases;

import org.springframework.modulith.NamedInterface;

/**
 * An admin deleted a case, in the transaction that publishes this: every module deletes what it keeps
 * of the case's contents (raw mail, attachments) in the same transaction.
 */
@NamedInterface("events")
public record CaseDeleted(CaseId caseId) {}
