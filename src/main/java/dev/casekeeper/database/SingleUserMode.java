package dev.casekeeper.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's single-user mode: the server binary run on a stopped data directory, with no network
 * and no authentication. Casekeeper uses it once per data directory, to give the superuser its
 * password before the server ever listens: a fresh directory comes from the library's {@code initdb}
 * without one, and so does a directory from a version of Casekeeper that trusted every connection.
 * A running server could only be given one over a connection that needs none.
 */
final class SingleUserMode {

    private SingleUserMode() {}

    static void setSuperuserPassword(Path dataDirectory, String password) throws IOException {
        run(
                dataDirectory,
                "alter role " + EmbeddedPostgresServers.SUPERUSER + " password '" + password + "';",
                password);
    }

    private static void run(Path dataDirectory, String statement, String secret) throws IOException {
        var command = new ArrayList<String>();
        // PostgreSQL refuses to run as root; the library starts it in a user namespace then, and so does this.
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binaries().resolve("bin").resolve("postgres").toString());
        command.addAll(List.of("--single", "-D", dataDirectory.toString(), "postgres"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var input = process.getOutputStream()) {
            input.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // The statement would be echoed in an error report; the password stays out of logs and exceptions.
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace(secret, "***");
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while PostgreSQL ran in single-user mode on " + dataDirectory, e);
        }
        if (exit != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IOException("PostgreSQL in single-user mode on " + dataDirectory + " failed (exit " + exit + "): "
                    + output.strip());
        }
    }

    /**
     * Where the library unpacked the PostgreSQL binaries. It does not say, so this asks its own
     * (private) unpacking step, which answers the directory it already unpacked to in this JVM.
     * The embedded-database tests run this path on every build, so a library version that changes
     * it fails there rather than in production.
     */
    private static Path binaries() throws IOException {
        try {
            var prepare =
                    EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("Could not find the embedded PostgreSQL binaries", e);
        }
    }
}
