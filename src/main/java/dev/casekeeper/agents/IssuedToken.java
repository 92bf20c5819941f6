package dev.casekeeper.agents;

/** A newly issued API token; {@code token} is the secret, shown this once. */
public record IssuedToken(ApiToken details, String token) {}
