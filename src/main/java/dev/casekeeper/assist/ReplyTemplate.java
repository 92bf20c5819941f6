package dev.casekeeper.assist;

/**
 * A reply that acknowledges the problem, validates the feeling and commits to a next step,
 * filled with the customer's name and the case's facts. Words in [square brackets] are for the
 * agent to fill before sending.
 */
public record ReplyTemplate(String id, String title, String acknowledge, String validate, String commit, String body) {}
