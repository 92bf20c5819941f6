package dev.casekeeper.database;

import static dev.casekeeper.database.EmbeddedPostgresServers.APPLICATION_ROLE;
import static dev.casekeeper.database.EmbeddedPostgresServers.DATABASE;
import static dev.casekeeper.database.EmbeddedPostgresServers.SUPERUSER;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The embedded server's {@code pg_hba.conf}, written by Casekeeper at every start (the library's
 * {@code initdb}, and every version of Casekeeper before this one, trusted any local connection).
 * Every connection needs a password (SCRAM). Over TCP, which any process on the machine can reach,
 * only the application role may connect, and only to its database; the superuser may connect over
 * TCP only while Casekeeper itself prepares the server at start, and over the Unix socket, where an
 * operator connects for maintenance.
 */
final class ClientAuthentication {

    static final String FILE_NAME = "pg_hba.conf";

    private ClientAuthentication() {}

    /** While Casekeeper starts the server and prepares its roles: the superuser with its password too. */
    static void writeForStart(Path dataDirectory) throws IOException {
        write(dataDirectory, true);
    }

    /** Once the server is prepared: the superuser over the Unix socket only. */
    static void writeForRunning(Path dataDirectory) throws IOException {
        write(dataDirectory, false);
    }

    private static void write(Path dataDirectory, boolean superuserOverTcp) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("# Written by Casekeeper at every start of its embedded PostgreSQL; changes made here are lost.");
        lines.add("# The passwords are in " + DatabasePasswords.FILE_NAME
                + " beside this file (see docs/operations.md).");
        lines.add("# TYPE  DATABASE  USER  ADDRESS  METHOD");
        lines.add("local all all scram-sha-256");
        for (var loopback : new String[] {"127.0.0.1/32", "::1/128"}) {
            lines.add("host " + DATABASE + " " + APPLICATION_ROLE + " " + loopback + " scram-sha-256");
        }
        if (superuserOverTcp) {
            for (var loopback : new String[] {"127.0.0.1/32", "::1/128"}) {
                lines.add("host all " + SUPERUSER + " " + loopback + " scram-sha-256");
            }
        }
        OwnerOnlyFiles.write(dataDirectory.resolve(FILE_NAME), lines);
    }
}
