package dev.casekeeper.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.support.ApiTestBase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL is reachable by any process on the machine: it lets in only Casekeeper's
 * own role, with its password, and that role can do no more than Casekeeper needs.
 */
class EmbeddedDatabaseAccessTests extends ApiTestBase {

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusesTheSuperuserWithoutAPassword() {
        assertThatThrownBy(() -> connect("postgres", "", "postgres")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect("casekeeper", "", "postgres")).isInstanceOf(SQLException.class);
    }

    @Test
    void refusesTheSuperuserOverTcpEvenWithItsPassword() throws Exception {
        var superuserPassword =
                DatabasePasswords.read(dataDirectory()).orElseThrow().superuser();

        assertThatThrownBy(() -> connect("postgres", superuserPassword, "postgres"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry");
    }

    @Test
    void refusesTheApplicationRoleWithAWrongPassword() {
        assertThatThrownBy(() -> connect("casekeeper", "", "casekeeper")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect("casekeeper", "guessed-password", "casekeeper"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void letsTheApplicationRoleInWithThePasswordKeptInTheDataDirectory() throws Exception {
        var password = DatabasePasswords.read(dataDirectory()).orElseThrow().application();

        try (var connection = connect("casekeeper", password, "casekeeper");
                var result = connection.createStatement().executeQuery("select current_user")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("casekeeper");
        }
    }

    @Test
    void keepsThePasswordsReadableByTheirOwnerOnly() throws Exception {
        var file = dataDirectory().resolve(DatabasePasswords.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("::");
    }

    @Test
    void connectsAsARoleThatCanNeitherRunProgramsNorReadServerFilesNorMakeRoles() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("casekeeper");
        assertThat(jdbc.queryForObject(
                        "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user",
                        Boolean.class))
                .isFalse();
        assertThatThrownBy(() -> jdbc.execute("copy (select 1) to program 'true'"))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.queryForObject("select pg_read_file('postgresql.conf')", String.class))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("create role intruder superuser login"))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void ownsEveryTableOfItsDatabase() {
        var ownedBySomeoneElse = jdbc.queryForList("""
                select schemaname || '.' || tablename from pg_tables
                where schemaname not in ('pg_catalog', 'information_schema') and tableowner <> current_user
                """, String.class);

        assertThat(ownedBySomeoneElse).isEmpty();
    }

    private java.sql.Connection connect(String user, String password, String database) throws SQLException {
        var url = URI.create(
                environment.getRequiredProperty("spring.datasource.url").substring("jdbc:".length()));
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(
                "jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + "/" + database, properties);
    }

    private Path dataDirectory() {
        return Path.of(environment.getRequiredProperty(EmbeddedPostgresEnvironment.ACTIVE_DATA_DIR));
    }
}
