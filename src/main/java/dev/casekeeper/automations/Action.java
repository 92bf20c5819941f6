package dev.casekeeper.automations;

import org.jspecify.annotations.Nullable;

/**
 * One step an automation takes, in order: {@code type} ({@code set_status}, {@code set_priority},
 * {@code add_tags}, {@code remove_tags}, {@code assign_team}, {@code assign_agent}, {@code add_note},
 * {@code notify}) and its {@code value} (a status, a priority, comma-separated tags, a team's or
 * agent's id, the note's text, or whom to notify: {@code owner} or {@code team}).
 */
public record Action(String type, @Nullable String value) {}
