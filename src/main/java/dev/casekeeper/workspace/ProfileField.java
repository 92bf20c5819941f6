package dev.casekeeper.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A field customers declare about themselves, as the context panel shows it. {@code locked}: the
 * customer set it, so only the customer may change it; {@code setAt}: when it was set.
 */
record ProfileField(
        String key,
        @Nullable String value,
        boolean locked,
        @Nullable String setBy,
        @Nullable Instant setAt) {}
