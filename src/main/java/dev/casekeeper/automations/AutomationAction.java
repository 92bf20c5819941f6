package dev.casekeeper.automations;

import org.jspecify.annotations.Nullable;

/**
 * One step an automation takes, in order: {@code type} ({@code set_status}, {@code set_priority},
 * {@code add_tags}, {@code remove_tags}, {@code assign_team}, {@code assign_agent}, {@code add_note},
 * {@code notify}, {@code call_webhook}) and its {@code value} (a status, a priority, comma-separated
 * tags, a team's or agent's id, the note's text, whom to notify: {@code owner}, {@code team} or
 * {@code supervisors}, or a webhook's id).
 */
public record AutomationAction(String type, @Nullable String value) {}
