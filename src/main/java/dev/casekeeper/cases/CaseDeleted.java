package dev.casekeeper.cases;

import org.springframework.modulith.NamedInterface;

/**
 * An admin deleted a case, in the transaction that publishes this: every module deletes what it keeps
 * of the case's contents (raw mail, attachments, files, the words of promises, callbacks, transfers,
 * feedback and webhook deliveries) in the same transaction, and closes what it still had open on it.
 */
@NamedInterface("events")
public record CaseDeleted(CaseId caseId) {

    /** What a deleted case's subject reads, also where a module keeps a copy of it. */
    public static final String SUBJECT = "(deleted case)";
}
