package dev.casekeeper.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The latest transfer of a case, with names: why it moved and what the customer already said. */
record HandoverView(
        @Nullable String fromName, String toName, @Nullable String byName, String reason, String summary, Instant at) {}
