package dev.casekeeper.actions;

/**
 * A field an agent fills in when proposing an action (an order number, the customer's account):
 * {@code key} names it in the API, in the call to the company's system and in next steps
 * ({@code {key}}); {@code label} is what the case page shows.
 */
public record ActionField(String key, String label, boolean required) {}
