package dev.casekeeper.customers;

/** An email address or phone number of a customer, unique across all customers. */
public record Identity(IdentityKind kind, String value, boolean verified) {}
