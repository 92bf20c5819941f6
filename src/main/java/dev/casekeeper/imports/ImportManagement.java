package dev.casekeeper.imports;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Imports for admins: start one on a folder of export files (inside {@code casekeeper.imports.directory})
 * or on files they upload, follow its progress, and read its report of what it left out and why.
 */
@Service
public class ImportManagement {

    /** A file an admin uploaded, by the name it had on her computer. */
    public record ImportUpload(String name, InputStream content) {}

    private static final int MAX_REPORT_PAGE = 500;

    private final JobQueries jobs;
    private final ImportTask task;
    private final ImportSettings settings;
    private final Clock clock;

    ImportManagement(JobQueries jobs, ImportTask task, ImportSettings settings, Clock clock) {
        this.jobs = jobs;
        this.task = task;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts an import of the files in a folder inside the imports directory, named relative to it.
     *
     * @throws InvalidInputException when the source is unknown, or the folder outside the directory or missing
     */
    public ImportJob start(@Nullable String source, @Nullable String directory, SignedInAgent by) {
        requireAdmin(by);
        var errors = new LinkedHashMap<String, String>();
        ImportSource from = null;
        try {
            from = source(source);
        } catch (InvalidInputException e) {
            errors.put("source", e.getMessage());
        }
        Path folder = null;
        try {
            if (directory == null || directory.isBlank()) {
                throw new InvalidInputException("directory", "name a folder inside the imports directory");
            }
            folder = resolve(settings.root(), directory);
            if (!Files.isDirectory(folder)) {
                throw new InvalidInputException(
                        "directory", "there is no folder " + directory + " in the imports directory");
            }
        } catch (InvalidInputException e) {
            errors.put("directory", e.getMessage());
        }
        if (!errors.isEmpty() || from == null || folder == null) {
            throw new InvalidInputException(errors);
        }
        return begin(from, settings.root().relativize(folder).toString(), by);
    }

    /**
     * Starts an import of uploaded files, kept in a folder of their own in the imports directory so
     * the run (and a run resumed after a crash) reads them from disk.
     */
    public ImportJob upload(@Nullable String source, List<ImportUpload> files, SignedInAgent by) {
        requireAdmin(by);
        var from = source(source);
        if (files.isEmpty()) {
            throw new InvalidInputException("files", "choose at least one file");
        }
        String folder = "upload-" + UUID.randomUUID();
        Path target = settings.root().resolve(folder);
        try {
            Files.createDirectories(target);
            for (var file : files) {
                var name = Path.of(file.name().replace('\\', '/')).getFileName();
                if (name == null || name.toString().isBlank() || name.toString().startsWith(".")) {
                    throw new InvalidInputException("files", "a file has no name");
                }
                Files.copy(file.content(), target.resolve(name.toString()));
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new InvalidInputException("files", "two files are named " + e.getFile());
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded files could not be kept in " + target, e);
        }
        return begin(from, folder, by);
    }

    public ImportJob find(UUID id, SignedInAgent by) {
        requireAdmin(by);
        return jobs.find(id).orElseThrow(() -> new NotFoundException("Import", id));
    }

    /** The latest imports, newest first. */
    public List<ImportJob> recent(SignedInAgent by) {
        requireAdmin(by);
        return jobs.recent(50);
    }

    /** What an import left out and why, in the order it met them, after the line {@code after}. */
    public List<ImportSkip> report(UUID id, long after, int limit, SignedInAgent by) {
        find(id, by);
        return jobs.skips(id, after, Math.max(1, Math.min(limit, MAX_REPORT_PAGE)));
    }

    private ImportJob begin(ImportSource source, String directory, SignedInAgent by) {
        var id = UUID.randomUUID();
        // The job row is committed before its task is scheduled: the task may start at once.
        jobs.insert(id, source, directory, by.id().value(), clock.instant());
        task.schedule(id);
        return jobs.find(id).orElseThrow();
    }

    /** A folder named relative to the imports directory, refused when the name leads out of it. */
    static Path resolve(Path root, String directory) {
        Path folder;
        try {
            folder = root.resolve(directory.strip()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException("directory", "name a folder inside the imports directory");
        }
        if (!folder.startsWith(root) || folder.equals(root)) {
            throw new InvalidInputException("directory", "name a folder inside the imports directory");
        }
        return folder;
    }

    private static ImportSource source(@Nullable String source) {
        try {
            return ImportSource.from(source == null ? "" : source);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", "must be zendesk or csv");
        }
    }

    private static void requireAdmin(SignedInAgent by) {
        if (!by.isAdmin()) {
            throw new AccessDeniedException("Only admins run imports");
        }
    }
}
