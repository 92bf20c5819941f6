package dev.casekeeper.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audit entry as admins read it.
 *
 * @param actorKind {@code agent}, {@code customer}, {@code system}, or {@code unknown} (a failed sign-in)
 * @param actorEmail the agent's email when the entry was written, or the address typed at a failed sign-in
 * @param address the network address the request came from, when there was a request
 */
public record AuditEntry(
        UUID id,
        Instant at,
        String kind,
        String actorKind,
        @Nullable UUID actorId,
        @Nullable String actorEmail,
        @Nullable String subjectType,
        @Nullable String subjectId,
        String summary,
        @Nullable String address) {}
