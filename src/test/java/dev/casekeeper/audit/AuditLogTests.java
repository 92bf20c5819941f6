package dev.casekeeper.audit;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.ErasureManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit log over the API: every kind of event it promises appears after the action, named by who
 * did it; admins filter it, page through it and export it as CSV; nobody else reads it; and the
 * database refuses to change or delete an entry.
 */
class AuditLogTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ErasureManagement erasures;

    @Test
    void signInsFailedSignInsAndSignOutsAreRecorded() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port);
        browser.tryToSignIn(agent.email(), "not the password");
        browser.signIn(agent.email(), PASSWORD);
        browser.get("/account");
        browser.post("/logout", Map.of());

        var entries = entries("actor=" + encode(agent.email()));

        assertThat(kinds(entries)).containsSubsequence("sign_out", "sign_in", "sign_in_failed");
        var failed = only(entries, "sign_in_failed");
        assertThat(failed.get("actorKind").asString()).isEqualTo("unknown");
        assertThat(failed.get("actorId").isNull()).isTrue();
        assertThat(failed.get("address").asString()).isNotBlank();
        var signIn = only(entries, "sign_in");
        assertThat(signIn.get("actorId").asString()).isEqualTo(agent.id().toString());
        assertThat(signIn.get("actorEmail").asString()).isEqualTo(agent.email());
    }

    @Test
    void agentsRolesAndApiTokensAreRecordedWithWhoChangedThem() {
        var agent = newAgent("agent");
        var token =
                anonymous().withBasic(agent.email(), PASSWORD).post("/api/v1/tokens", Map.of("name", "Laptop script"));
        String tokenId = token.json().get("id").asString();
        assertThat(admin().delete("/api/v1/tokens/" + tokenId).status()).isLessThan(300);
        assertThat(admin().patch("/api/v1/agents/" + agent.id(), Map.of("role", "supervisor"))
                        .status())
                .isEqualTo(200);
        assertThat(admin().patch("/api/v1/agents/" + agent.id(), Map.of("active", false))
                        .status())
                .isEqualTo(200);

        var entries = entries("text=" + encode(agent.email()));

        assertThat(kinds(entries))
                .containsSubsequence(
                        "agent_deactivated", "role_changed", "token_revoked", "token_created", "agent_created");
        assertThat(only(entries, "agent_created").get("actorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(only(entries, "role_changed").get("summary").asString()).contains("from agent to supervisor");
        assertThat(only(entries, "role_changed").get("subjectId").asString())
                .isEqualTo(agent.id().toString());
        assertThat(only(entries, "agent_deactivated").get("actorEmail").asString())
                .isEqualTo(ADMIN_EMAIL);
        var created = entries.stream()
                .filter(e -> e.get("kind").asString().equals("token_created")
                        && e.get("subjectId").asString().equals(tokenId))
                .findFirst()
                .orElseThrow();
        assertThat(created.get("actorEmail").asString()).isEqualTo(agent.email());
        assertThat(created.get("summary").asString()).contains("Laptop script").doesNotContain("ck_");
        assertThat(only(entries, "token_revoked").get("actorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(entries)
                .as("each change wrote its own entry, not a second, generic one")
                .noneMatch(e -> e.get("kind").asString().equals("settings_changed"));
    }

    @Test
    void settingsChangesOnAdminPagesAndTheApiAreRecordedButRefusedFormsAreNot() {
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/teams");
        String teamName = "Audit team " + UUID.randomUUID();
        assertThat(admin.post("/admin/teams", Map.of("name", teamName)).status())
                .isEqualTo(302);
        admin.get("/admin/teams");
        admin.post("/admin/teams", Map.of("name", " "));
        var field = admin().post(
                        "/api/v1/fields",
                        Map.of(
                                "name",
                                "Audit",
                                "apiKey",
                                "audit_"
                                        + UUID.randomUUID()
                                                .toString()
                                                .replace("-", "")
                                                .substring(0, 8),
                                "type",
                                "text"));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);

        var settings = entries("kind=settings_changed&from=" + Instant.now().minus(1, ChronoUnit.MINUTES));

        assertThat(settings)
                .anySatisfy(e -> {
                    assertThat(e.get("summary").asString()).isEqualTo("POST /admin/teams");
                    assertThat(e.get("actorEmail").asString()).isEqualTo(ADMIN_EMAIL);
                })
                .anySatisfy(e -> {
                    assertThat(e.get("summary").asString()).isEqualTo("POST /api/v1/fields");
                    assertThat(e.get("subjectId").asString()).isEqualTo("/api/v1/fields");
                });
        assertThat(settings.stream()
                        .filter(e -> e.get("summary").asString().equals("POST /admin/teams"))
                        .count())
                .as("the form refused for its blank name changed nothing")
                .isEqualTo(1);
    }

    @Test
    void deletionsMergesErasuresExportsAndApprovalsAreRecorded() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);

        var doomed = openCase(agent.api(), team, "Sent by mistake");
        assertThat(admin().post("/api/v1/cases/" + doomed + "/deletion", Map.of("reason", "Card number"))
                        .status())
                .isEqualTo(200);

        var duplicate = openCase(agent.api(), team, "Printer jams (again)");
        var original = openCase(agent.api(), team, "Printer jams");
        var merged = agent.api().post("/api/v1/cases/" + duplicate + "/merge", Map.of("targetId", original));
        assertThat(merged.status()).as(merged.toString()).isLessThan(300);

        var source = requester(agent.api(), duplicate);
        var target = requester(agent.api(), original);
        var proposal = agent.api()
                .post(
                        "/api/v1/customer-merges",
                        Map.of("sourceId", source, "targetId", target, "note", "Same printer"));
        var confirmed = supervisor
                .api()
                .post(
                        "/api/v1/customer-merges/" + proposal.json().get("id").asString() + "/confirmation",
                        Map.of("reason", "Same order number"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

        var request = erasures.request(new CustomerId(target), Actor.customer(target));
        var approved = supervisor.api().post("/api/v1/erasure-requests/" + request.id() + "/approval", Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        var csv = supervisor.api().get("/api/v1/reports/metrics/csv?from=2026-01-01&to=2026-01-31");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);

        String refund = refundType();
        var refundCase = openCase(agent.api(), team, "Wrong item shipped");
        String approvedAction = propose(agent.api(), refundCase, refund, 120);
        assertThat(supervisor
                        .api()
                        .post("/api/v1/actions/" + approvedAction + "/approval", null)
                        .status())
                .isEqualTo(200);
        String declinedAction = propose(agent.api(), refundCase, refund, 130);
        assertThat(supervisor
                        .api()
                        .post("/api/v1/actions/" + declinedAction + "/decline", Map.of("reason", "Not ours"))
                        .status())
                .isEqualTo(200);

        var byAdmin = entries("actor=" + encode(ADMIN_EMAIL) + "&kind=case_deleted");
        assertThat(byAdmin)
                .anySatisfy(e -> assertThat(e.get("subjectId").asString()).isEqualTo(doomed.toString()));
        var byAgent = entries("actor=" + agent.id());
        assertThat(only(byAgent, "cases_merged").get("subjectId").asString()).isEqualTo(duplicate.toString());
        var bySupervisor = entries("actor=" + supervisor.id());
        assertThat(kinds(bySupervisor))
                .contains("customers_merged", "customer_erased", "exported", "action_approved", "action_declined");
        assertThat(only(bySupervisor, "customer_erased").get("subjectId").asString())
                .isEqualTo(target.toString());
        assertThat(only(bySupervisor, "customer_erased").get("summary").asString())
                .as("an erased customer is named by id only")
                .doesNotContain("Maria", "@example.com");
        assertThat(only(bySupervisor, "action_approved").get("subjectId").asString())
                .isEqualTo(approvedAction);
        assertThat(only(bySupervisor, "action_declined").get("summary").asString())
                .contains("130.00 EUR");
    }

    @Test
    void adminsPageThroughTheNewestFirstAndFilterByKindActorDaysAndText() {
        var agent = newAgent("agent");
        for (int i = 0; i < 3; i++) {
            WebSession.anonymous(port).tryToSignIn(agent.email(), "wrong " + i);
        }

        var first = admin().get("/api/v1/audit?kind=sign_in_failed&actor=" + encode(agent.email()) + "&limit=2");
        assertThat(first.status()).isEqualTo(200);
        var page = first.json();
        assertThat(page.get("items")).hasSize(2);
        var second = admin().get("/api/v1/audit?kind=sign_in_failed&actor=" + encode(agent.email()) + "&limit=2&cursor="
                        + page.get("nextCursor").asString())
                .json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        var times = new ArrayList<Instant>();
        page.get("items").forEach(e -> times.add(Instant.parse(e.get("at").asString())));
        second.get("items").forEach(e -> times.add(Instant.parse(e.get("at").asString())));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(entries("actor=" + encode(agent.email()) + "&to=2020-01-01T00:00:00Z"))
                .isEmpty();
        assertThat(entries("text=" + encode(agent.email().toUpperCase()) + "&kind=sign_in_failed"))
                .hasSize(3);
        assertProblem(admin().get("/api/v1/audit?kind=coffee_made"), 400, "invalid-input");
        assertProblem(admin().get("/api/v1/audit?limit=0"), 400, "invalid-input");
        assertProblem(admin().get("/api/v1/audit?cursor=nonsense"), 400, "invalid-input");
    }

    @Test
    void theCsvExportHoldsTheFilteredEntriesAndIsItselfRecorded() throws Exception {
        var agent = newAgent("agent");
        WebSession.anonymous(port).tryToSignIn(agent.email(), "wrong");
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        var download = admin.download("/admin/audit/export?actor=" + encode(agent.email()));
        var api = admin().get("/api/v1/audit/export?actor=" + encode(agent.email()));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(download.body(), StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("sign_in_failed", "token_created");
        assertThat(rows.getFirst().get("actor_email")).isEqualTo(agent.email());
        assertThat(rows.getFirst().get("actor_kind")).isEqualTo("unknown");
        assertThat(rows.get(1).get("actor_id")).isEqualTo(agent.id().toString());
        assertThat(rows.get(1).get("summary"))
                .as("quotes survive the CSV")
                .isEqualTo("API token \"test\" issued to " + agent.email());
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.text()).startsWith("at,kind,actor_kind,actor_id,actor_email");
        assertThat(entries("kind=exported&actor=" + encode(ADMIN_EMAIL)))
                .anySatisfy(e -> assertThat(e.get("summary").asString())
                        .isEqualTo("Exported the audit log as CSV: actor " + agent.email()));
    }

    @Test
    void agentsAndSupervisorsCannotReadTheAuditLog() {
        for (String role : List.of("agent", "supervisor")) {
            var caller = newAgent(role);
            assertProblem(caller.api().get("/api/v1/audit"), 403, "forbidden");
            assertProblem(caller.api().get("/api/v1/audit/export"), 403, "forbidden");
            var browser = WebSession.anonymous(port).signIn(caller.email(), PASSWORD);
            assertThat(browser.get("/admin/audit").status()).isEqualTo(403);
            assertThat(browser.get("/admin/audit/export").status()).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/v1/audit").status()).isEqualTo(401);
    }

    @Test
    void theAdminPageListsEntriesAndShowsABadFilterBesideTheForm() {
        var agent = newAgent("agent");
        WebSession.anonymous(port).tryToSignIn(agent.email(), "wrong");
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        var page = admin.get("/admin/audit?actor=" + encode(agent.email()) + "&kind=sign_in_failed");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#audit-entries tbody tr")).hasSize(1);
        assertThat(page.html().select("#audit-entries tbody tr").text()).contains(agent.email());
        assertThat(page.html().select("#audit-export").attr("href")).contains("/admin/audit/export");
        var bad = admin.get("/admin/audit?from=2026-02-01&to=2026-01-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("#audit-error").text()).contains("must be after from");
        assertThat(bad.html().select("#audit-from").attr("value")).isEqualTo("2026-02-01");
    }

    /**
     * The page showed each subject as its type and a UUID. Admins read the case's number (linked),
     * the customer's, agent's or team's name and the action, with the id as recorded in the title.
     */
    @Test
    void theAdminPageNamesWhatEachEntryIsAboutAndKeepsItsIdInTheTitle() {
        var created = admin().post("/api/v1/teams", Map.of("name", "Audit names " + UUID.randomUUID()));
        UUID team = UUID.fromString(created.json().get("id").asString());
        String teamName = created.json().get("name").asString();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var doomed = openCase(agent.api(), team, "Sent by mistake");
        long doomedNumber = number(agent.api(), doomed);
        admin().post("/api/v1/cases/" + doomed + "/deletion", Map.of("reason", "Card number"));
        var source = requester(agent.api(), openCase(agent.api(), team, "Printer jams (again)"));
        var target = requester(agent.api(), openCase(agent.api(), team, "Printer jams"));
        var proposal = agent.api().post("/api/v1/customer-merges", Map.of("sourceId", source, "targetId", target));
        supervisor
                .api()
                .post(
                        "/api/v1/customer-merges/" + proposal.json().get("id").asString() + "/confirmation",
                        Map.of("reason", "Same order number"));
        var refundCase = openCase(agent.api(), team, "Wrong item shipped");
        String action = propose(agent.api(), refundCase, refundType(), 120);
        supervisor.api().post("/api/v1/actions/" + action + "/approval", null);
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        var deleted = subject(admin, "case_deleted", doomed.toString());
        assertThat(deleted.text()).isEqualTo("Case #" + doomedNumber);
        assertThat(deleted.attr("href")).endsWith("/cases/" + doomedNumber);
        assertThat(deleted.attr("title")).isEqualTo("case " + doomed);
        var merged = subject(admin, "customers_merged", source.toString());
        assertThat(merged.text()).isEqualTo("Customer Maria Lopez");
        assertThat(merged.attr("title")).isEqualTo("customer " + source);
        var agentCreated = subject(admin, "agent_created", agent.id().toString());
        assertThat(agentCreated.text()).startsWith("Agent ").contains("(" + agent.email() + ")");
        assertThat(agentCreated.attr("href")).endsWith("/admin/agents/" + agent.id());
        var teamChanged = subject(admin, "settings_changed", team.toString());
        assertThat(teamChanged.text()).isEqualTo("Team " + teamName);
        assertThat(teamChanged.attr("href")).endsWith("/admin/teams/" + team);
        assertThat(teamChanged.attr("title")).isEqualTo("settings /api/v1/teams/" + team + "/members");
        var approved = subject(admin, "action_approved", action);
        assertThat(approved.text())
                .startsWith("Action Refund ")
                .endsWith(" of 120.00 EUR (#" + number(agent.api(), refundCase) + ")");
        assertThat(approved.attr("href")).endsWith("/cases/" + number(agent.api(), refundCase));
    }

    /** The named subject of the newest entry of this kind whose subject holds {@code id}. */
    private static Element subject(WebSession admin, String kind, String id) {
        var page = admin.get("/admin/audit?kind=" + kind + "&text=" + encode(id));
        assertThat(page.status()).isEqualTo(200);
        var named = page.html().select("#audit-entries tr[data-kind=" + kind + "] td.audit-subject").stream()
                .flatMap(td -> td.select("a, span").stream())
                .findFirst();
        assertThat(named).as(page.html().select("#audit-entries").outerHtml()).isPresent();
        return named.get();
    }

    private static long number(Api as, UUID kase) {
        return as.get("/api/v1/cases/" + kase).json().get("number").asLong();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        newAgent("agent");

        assertThatThrownBy(() -> jdbc.sql("update audit.entry set summary = 'nothing happened'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit.entry is append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.entry").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.entry").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    private List<JsonNode> entries(String query) {
        var response = admin().get("/api/v1/audit?limit=200&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").valueStream().toList();
    }

    private static List<String> kinds(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("kind").asString()).toList();
    }

    private static JsonNode only(List<JsonNode> entries, String kind) {
        return entries.stream()
                .filter(e -> e.get("kind").asString().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + entries));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static UUID requester(Api as, UUID kase) {
        return UUID.fromString(
                as.get("/api/v1/cases/" + kase).json().get("requesterId").asString());
    }

    private String refundType() {
        var created = admin().post(
                        "/api/v1/action-types",
                        Map.of(
                                "name",
                                "Refund " + UUID.randomUUID(),
                                "kind",
                                "refund",
                                "currency",
                                "EUR",
                                "agentLimit",
                                50,
                                "supervisorLimit",
                                500));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("type").get("id").asString();
    }

    private static String propose(Api as, UUID caseId, String type, Object amount) {
        var proposed = as.post(
                "/api/v1/cases/" + caseId + "/actions",
                Map.of("typeId", type, "amount", amount, "fields", Map.of("order", "40-2215"), "note", "Wrong item"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }
}
