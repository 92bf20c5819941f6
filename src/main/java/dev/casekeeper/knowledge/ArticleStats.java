package dev.casekeeper.knowledge;

/** How an article served: readers' answers to "was this helpful?", cases it helped, outdated flags, deflections. */
public record ArticleStats(long helpful, long notHelpful, long helpedCases, long outdatedFlags, long deflections) {}
