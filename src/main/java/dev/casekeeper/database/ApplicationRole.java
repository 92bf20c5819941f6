package dev.casekeeper.database;

import static dev.casekeeper.database.EmbeddedPostgresServers.APPLICATION_ROLE;
import static dev.casekeeper.database.EmbeddedPostgresServers.DATABASE;
import static dev.casekeeper.database.EmbeddedPostgresServers.SUPERUSER;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * The role Casekeeper connects as: it may log in and owns Casekeeper's database and everything in it,
 * and nothing more (no superuser, no other databases, no roles, no server files or programs). Made
 * at each start of the embedded server, over the superuser's connection, and idempotently: a new
 * server gets the role and the database; a server of an earlier version, whose objects the superuser
 * owns, hands them over.
 */
final class ApplicationRole {

    private ApplicationRole() {}

    static void prepare(EmbeddedPostgres postgres, DatabasePasswords passwords) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            ensureRole(connection, passwords.application());
            ensureDatabase(connection);
        }
        try (var connection = postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
                var statement = connection.createStatement()) {
            statement.execute(HAND_OVER);
        }
    }

    private static void ensureRole(Connection connection, String password) throws SQLException {
        try (var statement = connection.createStatement()) {
            boolean exists;
            try (var result =
                    statement.executeQuery("select 1 from pg_roles where rolname = '" + APPLICATION_ROLE + "'")) {
                exists = result.next();
            }
            statement.execute((exists ? "alter" : "create") + " role " + APPLICATION_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
        }
        // Hashed (SCRAM) before it leaves the JVM: the password itself is never in a statement.
        connection
                .unwrap(PGConnection.class)
                .alterUserPassword(APPLICATION_ROLE, password.toCharArray(), "scram-sha-256");
    }

    private static void ensureDatabase(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            boolean exists;
            try (var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = result.next();
            }
            statement.execute(
                    exists
                            ? "alter database " + DATABASE + " owner to " + APPLICATION_ROLE
                            : "create database " + DATABASE + " owner " + APPLICATION_ROLE + " encoding 'UTF8'");
        }
    }

    /**
     * Gives the application role what the superuser owns in Casekeeper's database: schemas, tables,
     * views, sequences, routines and types that versions before this one created as the superuser.
     * {@code REASSIGN OWNED} cannot do it: the superuser also owns the system's own objects. Indexes
     * and the sequences of identity and serial columns follow their tables; members of extensions
     * (pg_trgm's functions) stay with the extension.
     */
    private static final String HAND_OVER = """
            do $$
            declare
                change record;
            begin
                for change in
                    with own as (
                        select n.oid as schema, n.nspname as schema_name, n.nspowner as schema_owner from pg_namespace n
                        where n.nspname <> 'information_schema' and n.nspname !~ '^pg_'
                    ), extension_member as (
                        select classid, objid from pg_depend where deptype = 'e'
                    )
                    select 1 as step, format('alter schema %I owner to casekeeper', schema_name) as ddl
                    from own
                    where schema_owner = 'postgres'::regrole
                    union all
                    select 2, format('alter %s %I.%I owner to casekeeper',
                                     case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                                    when 'f' then 'foreign table' when 'S' then 'sequence' else 'table' end,
                                     own.schema_name, c.relname)
                    from pg_class c join own on own.schema = c.relnamespace
                    where c.relowner = 'postgres'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                      and (c.oid, 'pg_class'::regclass) not in (select objid, classid from extension_member)
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                      and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))
                    union all
                    select 3, format('alter routine %s owner to casekeeper', p.oid::regprocedure)
                    from pg_proc p join own on own.schema = p.pronamespace
                    where p.proowner = 'postgres'::regrole and p.prokind in ('f', 'p')
                      and (p.oid, 'pg_proc'::regclass) not in (select objid, classid from extension_member)
                    union all
                    select 4, format('alter type %s owner to casekeeper', t.oid::regtype)
                    from pg_type t join own on own.schema = t.typnamespace
                    where t.typowner = 'postgres'::regrole and t.typtype in ('d', 'e', 'r')
                      and (t.oid, 'pg_type'::regclass) not in (select objid, classid from extension_member)
                    order by 1
                loop
                    execute change.ddl;
                end loop;
            end
            $$""";
}
