package dev.casekeeper.portal;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's data rights: she downloads her data as JSON, and asks for erasure, which waits in
 * a queue agents see until a supervisor approves it (her personal data and message bodies are
 * anonymised, recorded in an audit trail) or declines it with a note.
 */
class MyDataTests extends PortalTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theExportHoldsHerDataAndNothingOfAnyoneElse() {
        var maria = newCustomer("Maria Lopez");
        var lee = newCustomer("Lee Chen");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        openCaseFor(lee, "Private matter of Lee", "My new address is 4 Elm Street.");
        var agent = newAgent("agent");
        agent.api().post("/api/v1/cases/" + kase.getKey() + "/notes", Map.of("body", "Internal: she is a VIP"));
        agent.api().post("/api/v1/cases/" + kase.getKey() + "/replies", Map.of("body", "Here is a new key."));
        admin().patch(
                        "/api/v1/customers/" + maria.id(),
                        Map.of("fields", Map.of("gender", "female"), "declaredBy", "customer"));
        var session = signIn(maria);
        session.get("/portal/data");

        var download = session.get("/portal/data/export", Map.of("Accept", "application/json"));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"my-data-");
        var export = JSON.readTree(download.body());
        assertThat(export.get("customer").get("id").asString())
                .isEqualTo(maria.id().toString());
        assertThat(export.get("identities").get(0).get("value").asString()).isEqualTo(maria.email());
        assertThat(export.get("fields").get("gender").get("value").asString()).isEqualTo("female");
        assertThat(export.get("history").valueStream().map(h -> h.get("field").asString()))
                .contains("gender");
        var cases = export.get("cases");
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).get("number").asLong()).isEqualTo(kase.getValue());
        assertThat(cases.get(0)
                        .get("messages")
                        .valueStream()
                        .map(m -> m.get("text").asString()))
                .containsExactly("My key is gone.", "Here is a new key.");
        assertThat(download.body()).doesNotContain("Internal", "VIP", "Elm Street", lee.email(), agent.email());
    }

    @Test
    void anErasureRequestWaitsForASupervisorWhoApprovesItAndHerDataAndWordsAreGone() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone, I live at 1 Rose Lane.");
        var agent = newAgent("agent");
        agent.api().post("/api/v1/cases/" + kase.getKey() + "/replies", Map.of("body", "Here is a new key."));
        admin().patch(
                        "/api/v1/customers/" + maria.id(),
                        Map.of("fields", Map.of("gender", "female"), "declaredBy", "customer"));
        var session = signIn(maria);
        session.get("/portal/data");

        var unconfirmed = session.post("/portal/data/erasure", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.html().select("#erasure-error").text()).isEqualTo("Tick the box to confirm first.");
        assertThat(requests(maria)).isEmpty();
        var asked = session.post("/portal/data/erasure", Map.of("confirm", "yes"));
        assertThat(asked.location()).endsWith("/portal/data");
        assertThat(session.get("/portal/data").html().select("#erasure li[data-state=pending]"))
                .hasSize(1);
        var request = requests(maria).getFirst();
        assertThat(request.get("state").asString()).isEqualTo("pending");
        var queue = WebSession.anonymous(port).signIn(agent.email(), PASSWORD).get("/customers/erasure-requests");
        assertThat(queue.html()
                        .select("tr[data-request=" + request.get("id").asString() + "]")
                        .text())
                .contains("Maria Lopez", "A supervisor reviews it.");
        assertProblem(
                agent.api().post("/api/v1/erasure-requests/" + request.get("id").asString() + "/approval", Map.of()),
                403,
                "forbidden");
        assertThat(customer(maria).get("displayName").asString()).isEqualTo("Maria Lopez");

        var supervisor = newAgent("supervisor");
        var approved = supervisor
                .api()
                .post(
                        "/api/v1/erasure-requests/" + request.get("id").asString() + "/approval",
                        Map.of("note", "Asked by phone too"));

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("approved");
        assertThat(approved.json().get("reviewedBy").asString())
                .isEqualTo(supervisor.id().toString());
        assertThat(approved.json().get("outcome").get("messages").asInt()).isEqualTo(1);
        assertThat(approved.json().get("outcome").get("identities").asInt()).isEqualTo(1);
        var erased = customer(maria);
        assertThat(erased.get("displayName").asString()).isEqualTo("(erased)");
        assertThat(erased.get("identities")).isEmpty();
        assertThat(erased.get("fields").isEmpty()).isTrue();
        assertThat(erased.get("erasedAt").asString()).isNotBlank();
        var history =
                admin().get("/api/v1/customers/" + maria.id() + "/history").json();
        assertThat(history.toString()).doesNotContain("female", maria.email());
        assertThat(history.valueStream().map(h -> h.get("field").asString())).contains("erasureRequested", "erased");
        var timeline = admin().get("/api/v1/cases/" + kase.getKey()).json().get("timeline");
        assertThat(timeline.toString()).doesNotContain("Rose Lane").contains("Here is a new key.");
        assertThat(session.get("/portal").location()).as("her session ended").endsWith("/portal/sign-in");
        var again = askForCode(browser(), maria.email());
        assertThat(again.location()).endsWith("/portal/sign-in/code");
        assertThat(mailsTo(maria.email())).as("the address is no longer known").hasSize(1);
    }

    @Test
    void aSupervisorDeclinesWithANoteSheReadsAndNothingIsErased() {
        var maria = newCustomer("Maria Lopez");
        var session = signIn(maria);
        session.get("/portal/data");
        session.post("/portal/data/erasure", Map.of("confirm", "yes"));
        var request = requests(maria).getFirst();
        var supervisor = newAgent("supervisor");
        var pages = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);
        pages.get("/customers/erasure-requests");

        var blank = pages.post(
                "/supervisor/erasure-requests/" + request.get("id").asString() + "/decline", Map.of("note", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(requests(maria).getFirst().get("state").asString()).isEqualTo("pending");
        var declined = pages.post(
                "/supervisor/erasure-requests/" + request.get("id").asString() + "/decline",
                Map.of("note", "Open invoices must be kept for tax reasons until March."));

        assertThat(declined.location()).endsWith("/customers/erasure-requests");
        assertThat(requests(maria).getFirst().get("state").asString()).isEqualTo("declined");
        assertThat(customer(maria).get("displayName").asString()).isEqualTo("Maria Lopez");
        assertThat(session.get("/portal/data")
                        .html()
                        .select("#erasure li[data-state=declined]")
                        .text())
                .contains("declined", "Open invoices must be kept for tax reasons until March.");
    }

    @Test
    void aCustomerNeverSeesAnotherCustomersDataOrRequests() {
        var maria = newCustomer("Maria Lopez");
        var lee = newCustomer("Lee Chen");
        var lees = signIn(lee);
        lees.get("/portal/data");
        lees.post("/portal/data/erasure", Map.of("confirm", "yes"));
        var session = signIn(maria);

        var page = session.get("/portal/data");
        var export = session.get("/portal/data/export", Map.of("Accept", "application/json"));

        assertThat(page.html().select("#erasure li")).isEmpty();
        assertThat(export.body()).doesNotContain(lee.email(), lee.id().toString(), "Lee Chen");
    }

    private List<JsonNode> requests(TestCustomer customer) {
        return admin().get("/api/v1/erasure-requests")
                .json()
                .valueStream()
                .filter(r -> r.get("customerId").asString().equals(customer.id().toString()))
                .toList();
    }

    private JsonNode customer(TestCustomer customer) {
        return admin().get("/api/v1/customers/" + customer.id()).json();
    }
}
