package dev.casekeeper.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.support.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Casekeeper brings its own PostgreSQL, keeps data across restarts, and steps aside for an external one. */
class EmbeddedDatabaseTests {

    private static final String EMAIL = "admin@restart.test";
    private static final String PASSWORD = "restart-test-password";

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryCaseAcrossARestartOnTheSameDataDirectory() {
        String caseId;
        try (var first = start("--casekeeper.data-dir=" + dataDir)) {
            var api = signIn(first);
            caseId = api.post(
                            "/api/v1/cases",
                            Map.of(
                                    "subject", "Cable technician three hours late",
                                    "requester", Map.of("email", "waiting@example.com"),
                                    "message", Map.of("body", "I took the morning off and nobody came.")))
                    .json()
                    .get("id")
                    .asString();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (var second = start("--casekeeper.data-dir=" + dataDir)) {
            var found = signIn(second).get("/api/v1/cases/" + caseId);

            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().get("subject").asString()).isEqualTo("Cable technician three hours late");
            assertThat(found.json().get("timeline").get(0).get("body").asString())
                    .isEqualTo("I took the morning off and nobody came.");
        }
    }

    @Test
    void waitsForTheDiskOnEveryCommitByDefault() {
        try (var app = start("--casekeeper.data-dir=" + dataDir)) {
            var jdbc = app.getBean(JdbcTemplate.class);

            // What an acknowledged write needs to survive a power cut, not only a crash of the process.
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class))
                    .isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class))
                    .isEqualTo("on");
        }
    }

    @Test
    void sizesItsBufferCacheToTheMachineUnlessTheAdminSaysOtherwise() {
        var expected = MemorySizing.forThisMachine();
        try (var app = start("--casekeeper.data-dir=" + dataDir)) {
            var jdbc = app.getBean(JdbcTemplate.class);

            assertThat(setting(jdbc, "shared_buffers")).isEqualTo(size(jdbc, expected.get("shared_buffers")));
            assertThat(setting(jdbc, "effective_cache_size"))
                    .isEqualTo(size(jdbc, expected.get("effective_cache_size")));
        }
        try (var app = start(
                "--casekeeper.data-dir=" + dataDir,
                "--casekeeper.embedded-db.server-config.shared_buffers=96MB",
                "--casekeeper.embedded-db.server-config.random_page_cost=2")) {
            var jdbc = app.getBean(JdbcTemplate.class);

            assertThat(setting(jdbc, "shared_buffers")).isEqualTo(96L * 1024 * 1024);
            assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class))
                    .isEqualTo("2");
        }
    }

    /** A memory setting of the running server, in bytes. */
    private static long setting(JdbcTemplate jdbc, String name) {
        return size(jdbc, jdbc.queryForObject("select current_setting(?)", String.class, name));
    }

    private static long size(JdbcTemplate jdbc, String text) {
        return jdbc.queryForObject("select pg_size_bytes(?)", Long.class, text);
    }

    @Test
    void usesAnExternalDatabaseWhenOneIsConfiguredAndStartsNoEmbeddedOne() {
        Path other = dataDir.resolve("external");
        try (var owner = start("--casekeeper.data-dir=" + other)) {
            String url = owner.getEnvironment().getProperty("spring.datasource.url");
            Path unused = dataDir.resolve("unused");

            try (var external = start(
                    "--casekeeper.data-dir=" + unused,
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + owner.getEnvironment().getProperty("spring.datasource.username"),
                    "--spring.datasource.password="
                            + owner.getEnvironment().getProperty("spring.datasource.password"))) {
                var response = signIn(external).get("/api/v1/cases");

                assertThat(response.status()).isEqualTo(200);
                assertThat(external.getEnvironment().getProperty(EmbeddedPostgresEnvironment.ACTIVE_DATA_DIR))
                        .isNull();
                assertThat(Files.exists(unused.resolve("postgres"))).isFalse();
            }
        }
    }

    @Test
    void securesADataDirectoryOfAnEarlierVersionInPlaceAndKeepsItsData() throws Exception {
        Path postgresDir = dataDir.resolve("postgres");
        String caseId;
        // What versions before passwords left behind: the library's server trusting every local
        // connection, and Casekeeper's schemas made and owned by the superuser.
        try (var trusting = EmbeddedPostgres.builder()
                .setDataDirectory(postgresDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            try (var connection = trusting.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database casekeeper encoding 'UTF8'");
            }
            try (var earlier = start(
                    "--casekeeper.data-dir=" + dataDir.resolve("unused"),
                    "--spring.datasource.url=" + trusting.getJdbcUrl("postgres", "casekeeper"),
                    "--spring.datasource.username=postgres")) {
                caseId = signIn(earlier)
                        .post(
                                "/api/v1/cases",
                                Map.of(
                                        "subject", "Router reboots every night",
                                        "requester", Map.of("email", "night@example.com"),
                                        "message",
                                                Map.of(
                                                        "body",
                                                        "Every night at three the lights blink and it restarts.")))
                        .json()
                        .get("id")
                        .asString();
            }
        }
        assertThat(Files.readString(postgresDir.resolve("pg_hba.conf"))).contains("trust");

        try (var upgraded = start("--casekeeper.data-dir=" + dataDir)) {
            var api = signIn(upgraded);
            var jdbc = upgraded.getBean(JdbcTemplate.class);

            assertThat(api.get("/api/v1/cases/" + caseId).json().get("subject").asString())
                    .isEqualTo("Router reboots every night");
            assertThat(api.post(
                                    "/api/v1/cases",
                                    Map.of(
                                            "subject", "Still rebooting",
                                            "requester", Map.of("email", "night@example.com"),
                                            "message", Map.of("body", "It happened again.")))
                            .status())
                    .isEqualTo(201);
            assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("casekeeper");
            assertThat(jdbc.queryForList(
                            "select schemaname || '.' || tablename from pg_tables"
                                    + " where schemaname not in ('pg_catalog', 'information_schema') and tableowner <> current_user",
                            String.class))
                    .isEmpty();
            assertThat(Files.readString(postgresDir.resolve("pg_hba.conf"))).doesNotContain("trust");
            String url = upgraded.getEnvironment().getRequiredProperty("spring.datasource.url");
            String port = url.replaceAll("^jdbc:postgresql://[^:]+:(\\d+)/.*$", "$1");
            assertThatThrownBy(() -> DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/casekeeper", "postgres", ""))
                    .isInstanceOf(SQLException.class);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        var all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--casekeeper.admin.email=" + EMAIL;
        all[args.length + 2] = "--casekeeper.admin.password=" + PASSWORD;
        all[args.length + 3] = "--logging.level.root=WARN";
        // Any free port: a fixed one may be taken by another Casekeeper on the machine.
        all[args.length + 4] = "--casekeeper.mail.smtp.port=0";
        return new SpringApplicationBuilder(CasekeeperApplication.class).run(all);
    }

    private static Api signIn(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var api = Api.anonymous(port);
        var token =
                api.withBasic(EMAIL, PASSWORD).post("/api/v1/tokens", Map.of("name", "restart-" + UUID.randomUUID()));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return api.withToken(token.json().get("token").asString());
    }
}
