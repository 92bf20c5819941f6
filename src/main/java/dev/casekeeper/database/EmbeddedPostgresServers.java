package dev.casekeeper.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL servers of this JVM, one per data directory, counted by the application
 * contexts that use them. Several contexts in one JVM (as in a test run) share one server; the last
 * context to close stops it.
 */
final class EmbeddedPostgresServers {

    static final String USER = "postgres";
    static final String DATABASE = "casekeeper";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServers.class);
    private static final Map<Path, Running> running = new HashMap<>();

    record Server(Path dataDirectory, String jdbcUrl) {}

    private record Running(EmbeddedPostgres postgres, Server server, int users) {}

    private EmbeddedPostgresServers() {}

    static synchronized Server acquire(Path dataDirectory, boolean durable, Map<String, String> serverConfig, Log startLog) {
        var current = running.get(dataDirectory);
        if (current != null) {
            running.put(dataDirectory, new Running(current.postgres(), current.server(), current.users() + 1));
            return current.server();
        }
        var postgres = start(dataDirectory, durable, serverConfig, startLog);
        var server = new Server(dataDirectory, postgres.getJdbcUrl(USER, DATABASE));
        running.put(dataDirectory, new Running(postgres, server, 1));
        return server;
    }

    static synchronized void release(Path dataDirectory) {
        var current = running.get(dataDirectory);
        if (current == null) {
            return;
        }
        if (current.users() > 1) {
            running.put(dataDirectory, new Running(current.postgres(), current.server(), current.users() - 1));
            return;
        }
        running.remove(dataDirectory);
        try {
            current.postgres().close();
            log.info("Stopped embedded PostgreSQL on {}", dataDirectory);
        } catch (IOException e) {
            log.warn("Could not stop embedded PostgreSQL on {}", dataDirectory, e);
        }
    }

    /**
     * Stops whatever is still running: a server whose application failed to start, or whose pool
     * was never closed. Runs after every application context of the JVM has closed.
     */
    static synchronized void stopAll() {
        for (var dataDirectory : java.util.List.copyOf(running.keySet())) {
            var current = running.remove(dataDirectory);
            try {
                current.postgres().close();
            } catch (IOException e) {
                log.warn("Could not stop embedded PostgreSQL on {}", dataDirectory, e);
            }
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, boolean durable, Map<String, String> serverConfig, Log startLog) {
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.stopIfRunning(dataDirectory, startLog);
            long started = System.nanoTime();
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Stopped by the pool when the application closes (or by stopAll after that), never
                    // by the library's own JVM hook, which could stop it while connections are still in use.
                    .setRegisterShutdownHook(false)
                    // Acknowledged writes must survive a crash, of the process and of the machine: the library
                    // starts the server with -F (fsync off) and synchronous_commit off. These come after -F
                    // on the command line and win. Only a test run turns them off (durable=false).
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB");
            serverConfig.forEach(builder::setServerConfig);
            var postgres = builder.start();
            createDatabaseIfMissing(postgres);
            startLog.info("Embedded PostgreSQL ready on port " + postgres.getPort() + " with data in " + dataDirectory
                    + " (" + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }
}
