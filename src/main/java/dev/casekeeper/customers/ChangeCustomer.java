package dev.casekeeper.customers;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Changes a customer's display name or self-declared fields. An empty value removes a field.
 *
 * @param fields values keyed by {@link SelfField#key()}
 */
public record ChangeCustomer(@Nullable String displayName, Map<String, String> fields) {}
