package dev.casekeeper.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.channels.email.EmailFacts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An upgrade from version 0.1 keeps every timeline entry readable. The database is filled the way
 * 0.1 left it: its schema (each module's migrations up to the version its history table records)
 * and the rows a 0.1 desk wrote, exported to {@code src/test/resources/upgrade/v0.1} (the demo desk
 * after a few test runs; hand-written rows add the event types and channel facts no run there
 * wrote). Then today's Casekeeper starts on it, migrates it, and reads every entry back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineUpgradeTests {

    private static final Path FIXTURE = Path.of("src/test/resources/upgrade/v0.1");
    private static final String HISTORY = "public.flyway_schema_history";

    @TempDir
    static Path dataDir;

    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext app;

    @BeforeAll
    void startOnADatabaseOfVersion01() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setRegisterShutdownHook(false)
                .start();
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database casekeeper encoding 'UTF8'");
        }
        DataSource database = postgres.getDatabase("postgres", "casekeeper");
        createTheSchemaOf01(database);
        loadTheRowsOf01(database);
        app = new SpringApplicationBuilder(CasekeeperApplication.class)
                .run(
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "casekeeper"),
                        "--spring.datasource.username=postgres",
                        "--casekeeper.data-dir=" + dataDir.resolve("app"),
                        "--server.port=0",
                        "--casekeeper.mail.smtp.port=0",
                        "--casekeeper.admin.email=upgrade@casekeeper.test",
                        "--casekeeper.admin.password=upgrade.password.for.tests",
                        "--logging.level.root=WARN",
                        // Nothing runs on its own while the entries are counted and read.
                        "--db-scheduler.enabled=false");
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyEntryWrittenBy01ReadsBackAsAKnownEventOrAMessageWithItsChannelFacts() {
        var lookup = app.getBean(CaseLookup.class);
        var lines = app.getBean(TimelineLines.class);
        var cases = ids("select id from cases.support_case");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
        var unreadable = new ArrayList<String>();
        int entries = 0;
        int withFacts = 0;
        for (UUID id : cases) {
            for (var entry : lookup.detail(new CaseId(id)).timeline()) {
                entries++;
                if (entry.kind() == EntryKind.EVENT) {
                    String line = lines.line(entry, "Tom", Locale.ENGLISH).text();
                    if (entry.event() == null || line.endsWith("updated the case")) {
                        unreadable.add(entry.id() + ": " + line);
                    }
                } else if (entry.facts() != null) {
                    withFacts++;
                }
            }
        }
        assertThat(unreadable).isEmpty();
        assertThat(entries).isEqualTo(count("select count(*) from cases.timeline_entry"));
        assertThat(withFacts)
                .isEqualTo(count("select count(*) from cases.timeline_entry where kind <> 'event'"
                        + " and data is not null and data <> '{}'::jsonb"));
        var written = app.getBean(JdbcClient.class)
                .sql("select distinct event_type from cases.timeline_entry where event_type is not null")
                .query(String.class)
                .set();
        var since01 = java.util.Set.of(
                "hold_ended",
                "contact_ended",
                "satisfaction_rated",
                "compliment_received",
                "complaint_opened",
                "complaint_about",
                "call_ended",
                "call_wrapped_up",
                "sign_in_code_given",
                "callback_requested",
                "callback_taken",
                "callback_retry",
                "callback_done",
                "callback_overdue",
                "call_logged",
                "counter_ticket_taken",
                "counter_called",
                "counter_served",
                "counter_no_show",
                "article_helped",
                "merged_into",
                "merged_from",
                "merge_undone",
                "case_linked",
                "case_unlinked",
                "marked_spam",
                "case_deleted",
                "custom_field_changed",
                "action_proposed",
                "action_approved",
                "action_declined",
                "action_withdrawn",
                "action_started",
                "action_done",
                "action_failed",
                "automation_ran",
                "automation_capped");
        assertThat(written)
                .as("every kind of event 0.1 wrote is in the fixture")
                .containsAll(TimelineJson.types().keySet().stream()
                        .filter(type -> !since01.contains(type))
                        .toList());
    }

    @Test
    void tagsBecomeListsAndEmailAttachmentsKeepTheirAddresses() {
        var lookup = app.getBean(CaseLookup.class);
        var all = ids("select id from cases.support_case").stream()
                .flatMap(id -> lookup.detail(new CaseId(id)).timeline().stream())
                .toList();
        assertThat(all)
                .map(e -> e.event(TimelineEvent.TagsChanged.class))
                .filteredOn(e -> e != null)
                .anySatisfy(tags -> assertThat(tags.to()).containsExactly("activation-key", "license", "at-risk"));
        var mail = all.stream()
                .map(e -> e.facts(EmailFacts.class))
                .filter(f -> f != null)
                .findFirst()
                .orElseThrow();
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("invoice.pdf");
            assertThat(a.url()).isEqualTo("/api/v1/email/attachments/" + a.id());
        });
        assertThat(mail.rawUrl()).isEqualTo("/api/v1/email/messages/" + mail.inboundId() + "/raw");
    }

    @Test
    void chatLinesKeepTheirConversationAndTheCountOfRemovedCharacters() {
        var lookup = app.getBean(CaseLookup.class);
        var chat = ids("select id from cases.support_case").stream()
                .flatMap(id -> lookup.detail(new CaseId(id)).timeline().stream())
                .filter(e -> e.facts() != null && !(e.facts() instanceof EmailFacts))
                .toList();
        assertThat(chat).hasSize(7);
        assertThat(chat).extracting(e -> e.facts().removedCharacters()).contains(2, 1, 0);
        assertThat(app.getBean(TimelineJson.class).data(chat.getFirst())).containsKey("chat");
    }

    /** Each module's migrations up to the version 0.1 had applied, as its history table records. */
    private static void createTheSchemaOf01(DataSource database) throws IOException {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/__root")
                .table("flyway_schema_history")
                .target(lastVersion(HISTORY))
                .load()
                .migrate();
        try (var files = Files.list(FIXTURE)) {
            for (var file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(HISTORY + "_")) {
                    String table = name.substring("public.".length(), name.length() - ".csv".length());
                    String module = table.substring("flyway_schema_history_".length());
                    Flyway.configure()
                            .dataSource(database)
                            .locations("classpath:db/migration/" + module)
                            .table(table)
                            .baselineOnMigrate(true)
                            .baselineVersion("0")
                            .target(lastVersion(name.substring(0, name.length() - ".csv".length())))
                            .load()
                            .migrate();
                }
            }
        }
    }

    /** Every table's rows as 0.1 stored them, with foreign keys unchecked while they load. */
    private static void loadTheRowsOf01(DataSource database) throws Exception {
        try (Connection connection = database.getConnection();
                var files = Files.list(FIXTURE)) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("set session_replication_role = replica");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            var tables = files.map(file -> file.getFileName().toString().replace(".csv", ""))
                    .filter(table -> !table.startsWith(HISTORY))
                    .sorted()
                    .toList();
            // What the migrations themselves insert (settings' first rows) is in the export too.
            connection.createStatement().execute("truncate " + String.join(", ", tables) + " cascade");
            for (String table : tables) {
                var file = FIXTURE.resolve(table + ".csv");
                String header = Files.readAllLines(file).getFirst();
                try (Reader in = Files.newBufferedReader(file)) {
                    copy.copyIn("copy " + table + " (" + header + ") from stdin with (format csv, header true)", in);
                }
            }
            // Identity columns continue after the loaded rows, as they did in the 0.1 database.
            connection.createStatement().execute("""
                    select setval(pg_get_serial_sequence('cases.timeline_entry', 'position'),
                                  (select max(position) from cases.timeline_entry))""");
            connection.commit();
        }
    }

    private static String lastVersion(String historyTable) throws IOException {
        return Files.readAllLines(FIXTURE.resolve(historyTable + ".csv")).stream()
                .skip(1)
                .map(line -> line.split(",")[1])
                .filter(v -> !v.isEmpty())
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private List<UUID> ids(String sql) {
        return app.getBean(JdbcClient.class).sql(sql).query(UUID.class).list();
    }

    private long count(String sql) {
        return app.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }
}
