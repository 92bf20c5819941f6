package dev.casekeeper.automations;

import org.jspecify.annotations.Nullable;

/**
 * One step an automation takes, in order: {@code type} ({@code set_status}, {@code set_priority},
 * {@code add_tags}, {@code remove_tags}, {@code assign_team}, {@code assign_agent}, {@code add_note},
 * {@code notify}, {@code call_webhook}, {@code run_action}, {@code send_email}) and its {@code value} (a
 * status, a priority, comma-separated tags, a team's or agent's id, the note's text, whom to notify:
 * {@code owner}, {@code team} or {@code supervisors}, a webhook's id, a resolution action's type id with
 * {@code ; amount=…} and {@code ; key=value} for its fields, or the email's template: its text with
 * placeholders, or {@code macro:<id>} of a canned response).
 */
public record AutomationAction(String type, @Nullable String value) {}
