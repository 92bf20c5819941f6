package dev.casekeeper.database;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/** Files that only the user running Casekeeper may read: the database's passwords and its access rules. */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {}

    /**
     * Replaces the file in one step with one that is owner-only from its first byte on, so it is never
     * readable by others, not even for a moment, and never half written.
     */
    static void write(Path file, List<String> lines) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, ownerOnly());
        Files.write(partial, lines);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Takes back any wider permissions a copy or a restore may have given. */
    static void restrict(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
