package dev.casekeeper.imports;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids here derived from ids in the source (name-based UUIDs): a second run of the same files, or a
 * run resumed after a crash, writes the same case and the same messages again, which the database
 * then updates or leaves as they are instead of adding them twice.
 */
final class Ids {

    private Ids() {}

    static UUID of(ImportSource source, String kind, String sourceId) {
        return UUID.nameUUIDFromBytes((source.value() + ":" + kind + ":" + sourceId).getBytes(StandardCharsets.UTF_8));
    }
}
