package dev.casekeeper.workspace.newcase;

import dev.casekeeper.customers.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * Who the case is for: a customer picked by id, or found by their phone or email, or created with
 * them (and the name) when nobody has either.
 */
record CustomerPick(
        @Nullable CustomerId id,
        @Nullable String name,
        @Nullable String phone,
        @Nullable String email) {}
