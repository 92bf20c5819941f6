package dev.casekeeper.customers;

import java.util.Set;

/**
 * Values of a customer's custom fields were set or cleared (an SLA policy may match on them).
 *
 * @param apiKeys the fields that changed
 */
public record CustomerFieldsChanged(CustomerId customerId, Set<String> apiKeys) {}
