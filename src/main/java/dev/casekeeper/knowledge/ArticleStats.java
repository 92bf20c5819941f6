package dev.casekeeper.knowledge;

/**
 * How an article served: readers' answers to "was this helpful?", cases it helped, outdated flags,
 * deflections (all, and those of the chat widget; the others are the web form's).
 */
public record ArticleStats(
        long helpful, long notHelpful, long helpedCases, long outdatedFlags, long deflections, long chatDeflections) {}
