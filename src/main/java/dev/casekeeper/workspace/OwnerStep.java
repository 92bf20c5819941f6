package dev.casekeeper.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of the owner history in the context panel: an assignment or a transfer. */
record OwnerStep(
        boolean transfer,
        @Nullable String fromName,
        String toName,
        @Nullable String byName,
        @Nullable String reason,
        Instant at) {}
