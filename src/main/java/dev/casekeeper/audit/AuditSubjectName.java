package dev.casekeeper.audit;

import org.jspecify.annotations.Nullable;

/**
 * An entry's subject as an admin reads it.
 *
 * @param kind what it is, which the page says in words ({@code case}, {@code customer}, {@code agent},
 *     {@code team}, {@code action}); a settings change names the team or agent it changed
 * @param name the case's number, the customer's or team's name, the agent's name and email, ...
 * @param link the page that shows it, when there is one
 */
public record AuditSubjectName(
        String kind, String name, @Nullable String link) {}
