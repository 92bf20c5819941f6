package dev.casekeeper.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
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
            caseId = api.post("/api/v1/cases", Map.of(
                            "subject", "Cable technician three hours late",
                            "requester", Map.of("email", "waiting@example.com"),
                            "message", Map.of("body", "I took the morning off and nobody came.")))
                    .json().get("id").asString();
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
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
        }
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
                    "--spring.datasource.username=postgres")) {
                var response = signIn(external).get("/api/v1/cases");

                assertThat(response.status()).isEqualTo(200);
                assertThat(external.getEnvironment().getProperty(EmbeddedPostgresEnvironment.ACTIVE_DATA_DIR)).isNull();
                assertThat(Files.exists(unused.resolve("postgres"))).isFalse();
            }
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
        var token = api.withBasic(EMAIL, PASSWORD).post("/api/v1/tokens", Map.of("name", "restart-" + UUID.randomUUID()));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return api.withToken(token.json().get("token").asString());
    }
}
