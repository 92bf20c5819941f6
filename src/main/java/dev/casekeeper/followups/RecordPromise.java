package dev.casekeeper.followups;

import java.time.Instant;

/** Records a promise to the customer: what, and by when. */
public record RecordPromise(String text, Instant dueAt) {}
