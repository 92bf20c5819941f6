package dev.casekeeper.customers;

import java.util.List;
import java.util.Map;

/** Adds a customer with some identities and, optionally, fields (keyed by {@link SelfField#key()}). */
public record CreateCustomer(
        String displayName, List<String> emails, List<String> phones, Map<String, String> fields) {}
