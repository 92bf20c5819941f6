package dev.casekeeper.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;

/**
 * A PostgreSQL server left running by a previous run that was killed (the server outlives the JVM
 * that started it). It holds the data directory, so it is stopped before a new server starts;
 * PostgreSQL's own crash recovery then replays its log.
 */
final class StalePostmaster {

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDirectory, Log log) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().trim());
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(StalePostmaster::isPostgres);
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid " + pid + ") left running on " + dataDirectory + " by an earlier run");
        process.get().destroy();
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info()
                .command()
                .map(command -> command.endsWith("postgres"))
                .orElse(true);
    }
}
