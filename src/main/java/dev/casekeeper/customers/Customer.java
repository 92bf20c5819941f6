package dev.casekeeper.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A customer with identities and self-declared fields (keyed by {@link SelfField#key()}). */
public record Customer(
        CustomerId id,
        String displayName,
        List<Identity> identities,
        Map<String, DeclaredField> fields,
        Instant createdAt,
        Instant updatedAt) {}
