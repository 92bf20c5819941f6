package dev.casekeeper.knowledge;

import java.time.Instant;
import java.util.UUID;

/** One save of an article, as it was then. */
public record Revision(
        int number, String title, String summary, String body, ArticleState state, UUID savedBy, Instant savedAt) {}
