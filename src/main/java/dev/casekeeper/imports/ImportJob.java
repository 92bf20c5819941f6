package dev.casekeeper.imports;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import as its admin follows it.
 *
 * @param state {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param percent how much of its files' bytes it has read, 0 to 100
 * @param created customers and cases it made; {@code updated} those an earlier run (or the desk) had
 * @param skipped records it left out; the report says which and why
 * @param failure why it stopped, when it failed
 */
public record ImportJob(
        UUID id,
        String source,
        String directory,
        String state,
        int percent,
        int created,
        int updated,
        int skipped,
        @Nullable String failure,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public boolean finished() {
        return "done".equals(state) || "failed".equals(state);
    }
}
