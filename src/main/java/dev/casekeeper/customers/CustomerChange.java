package dev.casekeeper.customers;

import dev.casekeeper.shared.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded change to a customer: who, what, before and after. */
public record CustomerChange(
        Actor actor,
        String field,
        @Nullable String before,
        @Nullable String after,
        Instant at) {}
