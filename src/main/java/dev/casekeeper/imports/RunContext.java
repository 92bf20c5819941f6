package dev.casekeeper.imports;

import dev.casekeeper.fields.Field;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What one run of a job knows besides its checkpoint: rebuilt from the files and the database when a
 * run resumes, so it holds nothing a crash could lose.
 */
final class RunContext {

    private final UUID jobId;
    private final boolean hasCommentsFile;
    private final Map<String, Field> caseFields;
    private final Set<String> reported = new HashSet<>();
    private @Nullable Map<String, SourceKeys.Target> fieldTitles;

    /**
     * @param hasCommentsFile whether comments come in a file of their own (else a ticket without any
     *     brings its description as its first message)
     * @param caseFields the case fields here, by lower-case name
     */
    RunContext(UUID jobId, boolean hasCommentsFile, Map<String, Field> caseFields) {
        this.jobId = jobId;
        this.hasCommentsFile = hasCommentsFile;
        this.caseFields = caseFields;
    }

    UUID jobId() {
        return jobId;
    }

    boolean hasCommentsFile() {
        return hasCommentsFile;
    }

    Map<String, Field> caseFields() {
        return caseFields;
    }

    /** The source's custom field titles by id, read once a run (after its ticket fields file). */
    Map<String, SourceKeys.Target> fieldTitles(Supplier<Map<String, SourceKeys.Target>> read) {
        if (fieldTitles == null) {
            fieldTitles = read.get();
        }
        return fieldTitles;
    }

    /** Whether this is the first time the run reports {@code what} (a field it does not know). */
    boolean firstReport(String what) {
        return reported.add(what);
    }
}
