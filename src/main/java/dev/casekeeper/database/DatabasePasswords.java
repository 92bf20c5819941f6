package dev.casekeeper.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The passwords of the embedded server's two roles: the superuser, which only Casekeeper's start-up
 * and an operator at the machine use, and the application role, which owns Casekeeper's database.
 * They are made at the first start and kept in the server's data directory in PostgreSQL's own
 * password-file format, readable by the owner only, so that {@code PGPASSFILE=… psql} works with
 * the file as it is.
 */
record DatabasePasswords(String superuser, String application) {

    static final String FILE_NAME = "casekeeper.pgpass";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom random = new SecureRandom();

    /** Fresh random passwords; letters and digits only, so neither the password file nor SQL needs quoting. */
    static DatabasePasswords generate() {
        return new DatabasePasswords(randomPassword(), randomPassword());
    }

    /** The passwords kept in the data directory, or nothing when there are none yet (first start, or a trust-era directory). */
    static Optional<DatabasePasswords> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        OwnerOnlyFiles.restrict(file);
        String superuser = null;
        String application = null;
        for (var line : Files.readAllLines(file)) {
            var fields = line.split(":", -1);
            if (fields.length != 5) {
                continue;
            }
            if (fields[3].equals(EmbeddedPostgresServers.SUPERUSER)) {
                superuser = fields[4];
            } else if (fields[3].equals(EmbeddedPostgresServers.APPLICATION_ROLE)) {
                application = fields[4];
            }
        }
        return superuser == null || application == null
                ? Optional.empty()
                : Optional.of(new DatabasePasswords(superuser, application));
    }

    void write(Path dataDirectory) throws IOException {
        // Any host and port: the server listens on localhost and on its Unix socket (in /tmp, which no
        // host name but its path matches), on a port chosen at each start.
        OwnerOnlyFiles.write(
                dataDirectory.resolve(FILE_NAME),
                List.of(
                        "*:*:" + EmbeddedPostgresServers.DATABASE + ":" + EmbeddedPostgresServers.APPLICATION_ROLE + ":"
                                + application,
                        "*:*:*:" + EmbeddedPostgresServers.SUPERUSER + ":" + superuser));
    }

    private static String randomPassword() {
        var password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    @Override
    public String toString() {
        return "DatabasePasswords[hidden]";
    }
}
