package dev.casekeeper.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Imports of Zendesk's export files through the API, end to end: customers with their organization
 * as a tag, cases with their comments, attachments as links and custom fields by name; what was left
 * out in the report; a second run that creates nothing; and no reaction meant for a new contact.
 */
class ZendeskImportTests extends ApiTestBase {

    @Autowired
    ImportSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsUsersTicketsAndCommentsAndReportsWhatItLeftOutAndWhy() {
        caseField("Order number", "order_number");
        var fixtures = new ImportFixtures();
        fixtures.copy(settings.root(), "zendesk");

        var job = runToTheEnd(admin(), fixtures.folder);

        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        // Two customers and two cases; the agent is remembered by name only.
        assertThat(job.get("created").asInt()).isEqualTo(4);
        var report = report(job);
        assertThat(report)
                .contains(
                        "users.json|" + fixtures.id(103) + "|email",
                        "tickets.json|ticket " + fixtures.id(1003) + "|deleted in Zendesk",
                        "tickets.json|ticket " + fixtures.id(1004) + "|its requester (user " + fixtures.id(999)
                                + ") is not among the imported customers",
                        "ticket_comments.json|comment " + fixtures.id(70005) + "|its ticket " + fixtures.id(4242)
                                + " was not imported",
                        "tickets.json|field Legacy SKU|no case field here has this name; its values were left out");
        assertThat(job.get("skipped").asInt()).isEqualTo(report.size());

        var kase = admin().get("/api/v1/cases/" + caseOf(fixtures, 1001)).json();
        assertThat(kase.get("subject").asString()).isEqualTo("My activation key is gone");
        assertThat(kase.get("status").asString()).isEqualTo("solved");
        assertThat(kase.get("priority").asString()).isEqualTo("high");
        assertThat(kase.get("channel").asString()).isEqualTo("email");
        assertThat(kase.get("createdAt").asString()).isEqualTo("2019-03-04T10:11:12Z");
        assertThat(kase.get("firstResponseAt").asString()).isEqualTo("2019-03-05T09:00:00Z");
        assertThat(texts(kase.get("tags"))).contains("licence");
        String timeline = kase.toString();
        assertThat(timeline)
                .contains("I reinstalled and the activation key is nowhere to be found.")
                .contains("Checked the licence server")
                .contains("https://example.zendesk.com/attachments/token/abc123/?name=activation-key.txt")
                .contains("Priya from Support");
        var fields = admin().get("/api/v1/cases/" + caseOf(fixtures, 1001) + "/fields");
        assertThat(fields.text()).contains("SO-2019-0042");

        var customer = admin().get(
                        "/api/v1/customers/" + kase.get("requesterId").asString())
                .json();
        assertThat(customer.get("displayName").asString()).isEqualTo("Successful Jones");
        assertThat(texts(customer.get("tags"))).containsExactly("successful-software-ltd.", "vip");
        assertThat(customer.toString()).contains(fixtures.email("successful.jones@example.com"));

        // Nothing that reacts to a new contact heard of these cases: no acknowledgement, no offer, no SLA.
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                        .param("id", "%" + caseOf(fixtures, 1001) + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSecondRunOfTheSameFilesUpdatesWhatTheFirstMadeAndCreatesNothing() {
        var fixtures = new ImportFixtures();
        fixtures.copy(settings.root(), "zendesk");
        var first = runToTheEnd(admin(), fixtures.folder);
        long entries = entries(caseOf(fixtures, 1001));

        var second = runToTheEnd(admin(), fixtures.folder);

        assertThat(first.get("created").asInt()).isEqualTo(4);
        assertThat(second.get("state").asString()).isEqualTo("done");
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isEqualTo(4);
        assertThat(entries(caseOf(fixtures, 1001))).isEqualTo(entries).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from customers.identity where value = :email")
                        .param("email", fixtures.email("tonya@example.com"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void commentsInsideTheirTicketsAndPlainArraysAreReadToo() {
        var fixtures = new ImportFixtures();
        var folder = fixtures.copy(settings.root(), "zendesk");
        try {
            // Zendesk's account export: a ticket per line, each with its comments inside.
            java.nio.file.Files.delete(folder.resolve("ticket_comments.json"));
            java.nio.file.Files.writeString(
                    folder.resolve("tickets.json"),
                    "{\"id\": %s, \"subject\": \"Lines\", \"status\": \"open\", \"requester_id\": %s,"
                                    .formatted(fixtures.id(1005), fixtures.id(102))
                            + " \"comments\": [{\"id\": %s, \"author_id\": %s, \"body\": \"First line\", \"public\": true}]}\n"
                                    .formatted(fixtures.id(70006), fixtures.id(102))
                            + "{\"id\": %s, \"subject\": \"No comments\", \"description\": \"Only a description\","
                                    .formatted(fixtures.id(1006))
                            + " \"status\": \"new\", \"requester_id\": %s}\n".formatted(fixtures.id(102)));
            java.nio.file.Files.writeString(
                    folder.resolve("organizations.json"),
                    "[{\"id\": %s, \"name\": \"Northwind Home Stores\"}]".formatted(fixtures.id(361)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        var job = runToTheEnd(admin(), fixtures.folder);

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
        assertThat(admin().get("/api/v1/cases/" + caseOf(fixtures, 1005)).text())
                .contains("First line");
        assertThat(admin().get("/api/v1/cases/" + caseOf(fixtures, 1006)).text())
                .contains("Only a description");
    }

    @Test
    void resumesAfterTheLastCommittedBatchInsteadOfStartingOver(
            @Autowired JobQueries jobs, @Autowired ImportTask task) {
        var fixtures = new ImportFixtures();
        fixtures.copy(settings.root(), "zendesk");
        runToTheEnd(admin(), fixtures.folder);
        // The same files with both tickets changed, and a run that died after committing the first
        // ticket of tickets.json (the fourth file: organizations, users, ticket fields, tickets).
        var again = new ImportFixtures();
        var changed = fixtures.copy(
                settings.root(), "zendesk", text -> text.replace("\"subject\": \"", "\"subject\": \"Changed: "));
        try {
            java.nio.file.Files.move(changed, settings.root().resolve(again.folder));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var id = UUID.randomUUID();
        jobs.insert(id, ImportSource.ZENDESK, again.folder, UUID.randomUUID(), java.time.Instant.now());
        jobs.advance(id, 3, 1, 0, Counts.NONE);

        task.schedule(id);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jobs.find(id).orElseThrow().finished());

        assertThat(jobs.find(id).orElseThrow().state()).isEqualTo("done");
        assertThat(admin().get("/api/v1/cases/" + caseOf(fixtures, 1001))
                        .json()
                        .get("subject")
                        .asString())
                .isEqualTo("My activation key is gone");
        assertThat(admin().get("/api/v1/cases/" + caseOf(fixtures, 1002))
                        .json()
                        .get("subject")
                        .asString())
                .isEqualTo("Changed: Curtain delivered in the wrong colour");
        assertThat(entries(caseOf(fixtures, 1001))).isEqualTo(3);
    }

    @Test
    void refusesAFolderOutsideTheImportsDirectoryOrMissingAndAnUnknownSource() {
        var outside = admin().post("/api/v1/imports", Map.of("source", "zendesk", "directory", "../../etc"));
        var missing = admin().post("/api/v1/imports", Map.of("source", "zendesk", "directory", "no-such-folder"));
        var source = admin().post("/api/v1/imports", Map.of("source", "freshdesk", "directory", "x"));

        assertThat(outside.status()).as(outside.toString()).isEqualTo(400);
        assertThat(outside.text()).contains("name a folder inside the imports directory");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(source.status()).isEqualTo(400);
        assertThat(source.text()).contains("must be zendesk or csv");
    }

    @Test
    void agentsAndSupervisorsCannotStartOrFollowAnImport() {
        var fixtures = new ImportFixtures();
        fixtures.copy(settings.root(), "zendesk");
        var started = admin().post("/api/v1/imports", Map.of("source", "zendesk", "directory", fixtures.folder));
        String id = started.json().get("id").asString();
        for (String role : List.of("agent", "supervisor")) {
            var caller = newAgent(role).api();
            assertThat(caller.post("/api/v1/imports", Map.of("source", "zendesk", "directory", fixtures.folder))
                            .status())
                    .isEqualTo(403);
            assertThat(caller.get("/api/v1/imports").status()).isEqualTo(403);
            assertThat(caller.get("/api/v1/imports/" + id).status()).isEqualTo(403);
            assertThat(caller.get("/api/v1/imports/" + id + "/report").status()).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/v1/imports/" + id).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin().get("/api/v1/imports/" + id)
                        .json()
                        .get("finishedAt")
                        .isString());
    }

    static JsonNode runToTheEnd(Api admin, String folder) {
        var started = admin.post("/api/v1/imports", Map.of("source", "zendesk", "directory", folder));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/api/v1/imports/" + id)
                        .json()
                        .get("finishedAt")
                        .isString());
        return admin.get("/api/v1/imports/" + id).json();
    }

    /** The report as "file|record|reason" lines, the reason cut at its first word for a refused address. */
    List<String> report(JsonNode job) {
        var lines = new ArrayList<String>();
        for (var item : admin().get("/api/v1/imports/" + job.get("id").asString() + "/report?limit=500")
                .json()
                .get("items")) {
            String reason = item.get("reason").asString();
            lines.add(item.get("file").asString() + "|" + item.get("record").asString() + "|"
                    + (item.get("file").asString().equals("users.json") ? "email" : reason));
        }
        return lines;
    }

    static UUID caseOf(ImportFixtures fixtures, long ticket) {
        return Ids.of(ImportSource.ZENDESK, "ticket", fixtures.id(ticket));
    }

    long entries(UUID caseId) {
        return jdbc.sql("select count(*) from cases.timeline_entry where case_id = :id")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }

    void caseField(String name, String apiKey) {
        if (!admin().get("/api/v1/fields").text().contains("\"" + apiKey + "\"")) {
            var created = admin().post(
                            "/api/v1/fields",
                            Map.of("name", name, "apiKey", apiKey, "type", "text", "subject", "case"));
            assertThat(created.status()).as(created.toString()).isIn(201, 409);
        }
    }

    static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }
}
