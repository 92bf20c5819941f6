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

    static final String SUPERUSER = "postgres";
    static final String APPLICATION_ROLE = "casekeeper";
    static final String DATABASE = "casekeeper";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServers.class);
    private static final Map<Path, Running> running = new HashMap<>();

    /** Where the application connects, and as whom: the application role, never the superuser. */
    record Server(Path dataDirectory, String jdbcUrl, String username, String password) {
        @Override
        public String toString() {
            return "Server[" + dataDirectory + ", " + jdbcUrl + "]";
        }
    }

    private record Running(EmbeddedPostgres postgres, Server server, int users) {}

    private EmbeddedPostgresServers() {}

    static synchronized Server acquire(
            Path dataDirectory, boolean durable, Map<String, String> serverConfig, Log startLog) {
        var current = running.get(dataDirectory);
        if (current != null) {
            running.put(dataDirectory, new Running(current.postgres(), current.server(), current.users() + 1));
            return current.server();
        }
        var started = start(dataDirectory, durable, serverConfig, startLog);
        var server = new Server(
                dataDirectory,
                started.postgres().getJdbcUrl(APPLICATION_ROLE, DATABASE),
                APPLICATION_ROLE,
                started.passwords().application());
        running.put(dataDirectory, new Running(started.postgres(), server, 1));
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

    private record Started(EmbeddedPostgres postgres, DatabasePasswords passwords) {}

    private static Started start(Path dataDirectory, boolean durable, Map<String, String> serverConfig, Log startLog) {
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.stopIfRunning(dataDirectory, startLog);
            long started = System.nanoTime();
            var kept = DatabasePasswords.read(dataDirectory);
            boolean earlierVersion = kept.isEmpty() && Files.exists(dataDirectory.resolve("PG_VERSION"));
            if (earlierVersion) {
                startLog.warn(
                        "The embedded PostgreSQL in " + dataDirectory
                                + " accepts connections without a password (set up"
                                + " by an earlier version of Casekeeper); it now gets passwords and a role of Casekeeper's own");
            }
            var passwords = kept.orElseGet(DatabasePasswords::generate);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Stopped by the pool when the application closes (or by stopAll after that), never
                    // by the library's own JVM hook, which could stop it while connections are still in use.
                    .setRegisterShutdownHook(false)
                    // Runs after initdb (the library's, which trusts everyone) and before the server listens.
                    .setDataDirectoryCustomizer(directory -> secure(directory.toPath(), passwords, kept.isEmpty()))
                    // The library's own readiness check connects as the superuser.
                    .setConnectConfig("password", passwords.superuser())
                    // Acknowledged writes must survive a crash, of the process and of the machine: the library
                    // starts the server with -F (fsync off) and synchronous_commit off. These come after -F
                    // on the command line and win. Only a test run turns them off (durable=false).
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "200");
            var sized = new HashMap<>(MemorySizing.forThisMachine());
            sized.putAll(serverConfig);
            sized.forEach(builder::setServerConfig);
            startLog.info("Embedded PostgreSQL memory: shared_buffers " + sized.get("shared_buffers")
                    + ", effective_cache_size " + sized.get("effective_cache_size"));
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IOException e) {
                throw new IOException(
                        "The embedded PostgreSQL in " + dataDirectory + " did not accept Casekeeper's"
                                + " connection. If its passwords in "
                                + dataDirectory.resolve(DatabasePasswords.FILE_NAME)
                                + " do not belong to this data directory, remove that file: the next start sets new ones",
                        e);
            }
            try {
                ApplicationRole.prepare(postgres, passwords);
                closeSuperuserTcpAccess(postgres, dataDirectory);
            } catch (SQLException | IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            startLog.info("Embedded PostgreSQL ready on port " + postgres.getPort() + " with data in " + dataDirectory
                    + ", passwords in " + DatabasePasswords.FILE_NAME + " there ("
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
            return new Started(postgres, passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare Casekeeper's role and database in " + dataDirectory, e);
        }
    }

    /**
     * Before the server listens: every connection needs a password, and a data directory without
     * passwords (new, or from an earlier version) gets them, the superuser's set with the server down.
     */
    private static void secure(Path dataDirectory, DatabasePasswords passwords, boolean newPasswords) {
        try {
            ClientAuthentication.writeForStart(dataDirectory);
            if (newPasswords) {
                SingleUserMode.setSuperuserPassword(dataDirectory, passwords.superuser());
                // Written only once the server has it: a start that fails in between makes new ones next time.
                passwords.write(dataDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Once the application role is ready, the superuser may connect over the Unix socket only. */
    private static void closeSuperuserTcpAccess(EmbeddedPostgres postgres, Path dataDirectory)
            throws IOException, SQLException {
        ClientAuthentication.writeForRunning(dataDirectory);
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
        }
    }
}
