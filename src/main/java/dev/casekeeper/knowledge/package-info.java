/**
 * The knowledge base: articles written in Markdown (internal protocols for agents, public ones for
 * the help center), their translations, review and publishing with a revision history, review
 * reminders, full-text search, suggestions on the case page and the public help center at
 * {@code /help} with its deflection record.
 */
@ApplicationModule(
        displayName = "Knowledge base",
        allowedDependencies = {"agents", "cases", "notifications", "ratelimits", "shared"})
@NullMarked
package dev.casekeeper.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
