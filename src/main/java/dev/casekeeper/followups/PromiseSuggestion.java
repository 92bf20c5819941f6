package dev.casekeeper.followups;

import java.time.Instant;

/**
 * A promise the composer offers to record, read from what the agent wrote: the sentence that
 * commits to something ({@code text}), when it is due and the words that said when ({@code when}).
 */
public record PromiseSuggestion(String text, Instant dueAt, String when) {}
