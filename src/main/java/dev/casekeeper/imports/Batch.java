package dev.casekeeper.imports;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Records of one file written together, in one transaction with the checkpoint after them, and the
 * lines this batch adds to the report.
 */
final class Batch<T> {

    private final UUID jobId;
    private final ImportFile file;
    private final long first;
    private final List<T> records;
    private final JobQueries jobs;
    private int skipped;

    /** @param first the position in the file of the first record (1 for the file's first) */
    Batch(UUID jobId, ImportFile file, long first, List<T> records, JobQueries jobs) {
        this.jobId = jobId;
        this.file = file;
        this.first = first;
        this.records = records;
        this.jobs = jobs;
    }

    List<T> records() {
        return records;
    }

    /** A record's name in the report: the source's id, else its position in the file. */
    String name(int index, @Nullable String sourceId) {
        return sourceId != null ? sourceId : "#" + (first + index);
    }

    /** Adds a line to the report: a record left out, or a part of one (a value that did not fit). */
    void skip(String record, String reason) {
        skipped++;
        jobs.skip(jobId, file.name(), record, reason);
    }

    Counts counts(int created, int updated) {
        return new Counts(created, updated, skipped);
    }
}
