package dev.casekeeper.imports;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import settings ({@code casekeeper.imports.*}).
 *
 * @param directory where import files live: admins point an import at a folder inside it, and
 *     uploaded files are kept in it until their import is over (default: {@code casekeeper-imports}
 *     in the system's temporary directory)
 * @param batchSize records written and checkpointed together; a crash repeats at most one batch's work
 */
@ConfigurationProperties("casekeeper.imports")
public record ImportSettings(
        @Nullable Path directory, @DefaultValue("500") int batchSize) {

    public ImportSettings {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("casekeeper.imports.batch-size must be between 1 and 10000");
        }
        if (directory == null) {
            directory = Path.of(System.getProperty("java.io.tmpdir"), "casekeeper-imports");
        }
    }

    /** The directory, absolute and normalized. */
    public Path root() {
        return java.util.Objects.requireNonNull(directory).toAbsolutePath().normalize();
    }
}
