package dev.casekeeper.customers.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Merging two records of one customer: an agent proposes, a supervisor confirms with a reason (or
 * undoes it with a reason); a merge moves cases, identities and history, keeps an audit trail, and
 * an undo moves back what moved. After a merge the customer's cases and repeat-contact detection
 * span both records.
 */
class CustomerMergesApiTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Caller agent;
    private Caller supervisor;
    private UUID team;

    @BeforeEach
    void desk() {
        team = newTeam();
        agent = newAgent("agent", team);
        supervisor = newAgent("supervisor", team);
    }

    @Test
    void aSupervisorConfirmsAProposedMergeAndItMovesCasesIdentitiesFieldsAndHistory() {
        String chatEmail = email();
        String mainEmail = email();
        var visitorCase = openCase(chatEmail, "Chat: activation key");
        var mainCase = openCase(mainEmail, "Activation key gone");
        UUID source = requester(visitorCase);
        UUID target = requester(mainCase);
        admin().patch(
                        "/api/v1/customers/" + source,
                        Map.of("fields", Map.of("pronouns", "she/her"), "declaredBy", "customer"));

        var proposed = agent.api()
                .post(
                        "/api/v1/customer-merges",
                        Map.of("sourceId", source, "targetId", target, "note", "Same activation key"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        UUID merge = UUID.fromString(proposed.json().get("id").asString());
        assertThat(cases(target)).as("nothing moves on a proposal").containsExactly(mainCase);

        var confirmed = supervisor
                .api()
                .post("/api/v1/customer-merges/" + merge + "/confirmation", Map.of("reason", "Same order number"));

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("state").asString()).isEqualTo("completed");
        assertThat(cases(target)).containsExactlyInAnyOrder(mainCase, visitorCase);
        assertThat(cases(source)).isEmpty();
        var merged = customer(target);
        assertThat(emails(merged)).containsExactlyInAnyOrder(chatEmail, mainEmail);
        assertThat(merged.get("fields").get("pronouns").get("setBy").asString()).isEqualTo("customer");
        assertThat(customer(source).get("mergedInto").asString()).isEqualTo(target.toString());
        assertThat(customer(source).get("identities")).isEmpty();
        assertThat(history(target)).contains("pronouns", "merged");
        var trail = confirmed.json().get("trail");
        assertThat(trail.valueStream()
                        .map(s -> s.get("action").asString() + ":"
                                + s.get("actorId").asString()))
                .containsExactly("proposed:" + agent.id(), "completed:" + supervisor.id());
        assertThat(trail.get(1).get("reason").asString()).isEqualTo("Same order number");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + visitorCase + "/history")
                        .json()
                        .valueStream()
                        .map(c -> c.get("field").asString()))
                .as("the case's history says its requester changed")
                .contains("requester");
        // Mail from the merged record's address now lands on the record that remains.
        var again = openCase(chatEmail, "Key again");
        assertThat(requester(again)).isEqualTo(target);
    }

    @Test
    void anUndoMovesBackWhatMovedAndKeepsTheAuditTrail() {
        String sourceEmail = email();
        var sourceCase = openCase(sourceEmail, "Chat: refund");
        var targetCase = openCase(email(), "Refund");
        UUID source = requester(sourceCase);
        UUID target = requester(targetCase);
        admin().patch(
                        "/api/v1/customers/" + source,
                        Map.of("fields", Map.of("gender", "female"), "declaredBy", "customer"));
        UUID merge = propose(source, target);
        supervisor.api().post("/api/v1/customer-merges/" + merge + "/confirmation", Map.of("reason", "Same card"));
        var later = openCase(sourceEmail, "Refund, again");

        assertProblem(
                agent.api().post("/api/v1/customer-merges/" + merge + "/undo", Map.of("reason", "Wrong person")),
                403,
                "forbidden");
        assertProblem(
                supervisor.api().post("/api/v1/customer-merges/" + merge + "/undo", Map.of("reason", " ")),
                400,
                "invalid-input");
        assertThat(customer(source).get("mergedInto").asString()).isEqualTo(target.toString());
        var undone = supervisor
                .api()
                .post("/api/v1/customer-merges/" + merge + "/undo", Map.of("reason", "Two people share the card"));

        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(undone.json().get("state").asString()).isEqualTo("undone");
        assertThat(cases(source)).containsExactly(sourceCase);
        assertThat(cases(target))
                .as("what reached the target after the merge stays")
                .containsExactlyInAnyOrder(targetCase, later);
        assertThat(emails(customer(source))).containsExactly(sourceEmail);
        assertThat(customer(source).get("mergedInto").isNull()).isTrue();
        assertThat(customer(target).get("fields").has("gender")).isFalse();
        assertThat(customer(source).get("fields").get("gender").get("value").asString())
                .isEqualTo("female");
        assertThat(undone.json()
                        .get("trail")
                        .valueStream()
                        .map(s -> s.get("action").asString()))
                .containsExactly("proposed", "completed", "undone");
        assertThat(undone.json().get("trail").get(2).get("reason").asString()).isEqualTo("Two people share the card");
    }

    @Test
    void anAgentCannotConfirmAndAConfirmationWithoutAReasonChangesNothing() {
        var sourceCase = openCase(email(), "One");
        var targetCase = openCase(email(), "Two");
        UUID source = requester(sourceCase);
        UUID target = requester(targetCase);
        UUID merge = propose(source, target);

        assertProblem(
                agent.api().post("/api/v1/customer-merges/" + merge + "/confirmation", Map.of("reason", "Sure")),
                403,
                "forbidden");
        assertProblem(
                supervisor.api().post("/api/v1/customer-merges/" + merge + "/confirmation", Map.of()),
                400,
                "invalid-input");
        assertProblem(
                agent.api().post("/api/v1/customer-merges", Map.of("sourceId", source, "targetId", target)),
                409,
                "merge-proposed");
        assertProblem(
                agent.api().post("/api/v1/customer-merges", Map.of("sourceId", source, "targetId", source)),
                400,
                "invalid-input");

        assertThat(agent.api()
                        .get("/api/v1/customer-merges/" + merge)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("proposed");
        assertThat(cases(source)).containsExactly(sourceCase);
        var declined = agent.api().post("/api/v1/customer-merges/" + merge + "/decline", Map.of("reason", "Not her"));
        assertThat(declined.json().get("state").asString()).isEqualTo("declined");
        assertProblem(
                supervisor.api().post("/api/v1/customer-merges/" + merge + "/confirmation", Map.of("reason", "Late")),
                409,
                "merge-not-proposed");
        assertThat(cases(source)).containsExactly(sourceCase);
    }

    @Test
    void afterAMergeRepeatContactDetectionSpansBothRecords() {
        String chatEmail = email();
        String mainEmail = email();
        var solved = openCase(chatEmail, "Return: socks in the wrong colour");
        agent.api().post("/api/v1/cases/" + solved + "/assignment", Map.of("ownerId", agent.id()));
        agent.api().post("/api/v1/cases/" + solved + "/replies", Map.of("body", "The blue ones ship today."));
        assertThat(agent.api()
                        .patch("/api/v1/cases/" + solved, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        var main = openCase(mainEmail, "First contact from the main address");
        UUID merge = propose(requester(solved), requester(main));
        supervisor.api().post("/api/v1/customer-merges/" + merge + "/confirmation", Map.of("reason", "Same person"));

        var again = openCase(mainEmail, "The socks are still wrong");

        await().atMost(WAIT).untilAsserted(() -> {
            var followups =
                    agent.api().get("/api/v1/cases/" + again + "/followups").json();
            assertThat(followups.get("repeatContact").asBoolean()).isTrue();
            assertThat(followups.get("repeats").get(0).get("earlierCaseId").asString())
                    .isEqualTo(solved.toString());
        });
    }

    @Test
    void anAgentProposesAMergeFromTheCasePageAndSeesItThere() {
        String otherEmail = email();
        openCase(otherEmail, "Chat: password");
        var kase = openCase(email(), "Password reset");
        long number =
                agent.api().get("/api/v1/cases/" + kase).json().get("number").asLong();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + number);

        var unknown = browser.postPart(
                "/cases/" + number + "/customer/merges",
                Map.of("identity", "nobody-" + UUID.randomUUID() + "@example.com"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.html().select("#merge-error").text())
                .isEqualTo("No customer has this email address or phone number.");
        var proposed = browser.postPart(
                "/cases/" + number + "/customer/merges", Map.of("identity", otherEmail, "note", "Same name"));

        assertThat(proposed.status()).isEqualTo(200);
        assertThat(proposed.html().select("#merges li[data-state=proposed]").text())
                .contains("into this record");
        var merges = agent.api()
                .get("/api/v1/customers/" + requester(kase) + "/merges")
                .json();
        assertThat(merges).hasSize(1);
        assertThat(merges.get(0).get("targetId").asString())
                .isEqualTo(requester(kase).toString());
        assertThat(browser.get("/customers/merges")
                        .html()
                        .select("tr[data-state=proposed]")
                        .text())
                .contains("Proposed by");
    }

    @Test
    void onlySupervisorsConfirmOrUndoOnTheMergesPage() {
        var sourceCase = openCase(email(), "One");
        var targetCase = openCase(email(), "Two");
        UUID merge = propose(requester(sourceCase), requester(targetCase));
        var asAgent = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        asAgent.get("/customers/merges");

        var refused = asAgent.post("/supervisor/merges/" + merge + "/confirm", Map.of("reason", "Sure"));
        assertThat(refused.status()).isEqualTo(403);
        var asSupervisor = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);
        asSupervisor.get("/customers/merges");
        var blank = asSupervisor.post("/supervisor/merges/" + merge + "/confirm", Map.of("reason", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.html().select("#merge-error").text()).contains("say why");
        assertThat(cases(requester(targetCase))).containsExactly(targetCase);

        var confirmed = asSupervisor.post("/supervisor/merges/" + merge + "/confirm", Map.of("reason", "Same person"));
        assertThat(confirmed.location()).endsWith("/customers/merges");
        assertThat(cases(requester(targetCase))).containsExactlyInAnyOrder(targetCase, sourceCase);
    }

    @Test
    void aSuggestionOfTheValueTheFieldHasIsRefusedBesideTheFormOnTheCasePage() {
        var kase = openCase(email(), "Wrong name");
        long number =
                agent.api().get("/api/v1/cases/" + kase).json().get("number").asLong();
        UUID customer = requester(kase);
        admin().patch(
                        "/api/v1/customers/" + customer,
                        Map.of("fields", Map.of("gender", "female"), "declaredBy", "customer"));
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + number);

        var refused = browser.postPart(
                "/cases/" + number + "/customer/suggestions", Map.of("field", "gender", "value", "female"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#suggest-error").text())
                .isEqualTo("Suggested value: is what the customer's gender already is.");
        assertThat(refused.html().select("#suggest-value").val()).isEqualTo("female");
        assertThat(agent.api()
                        .get("/api/v1/customers/" + customer + "/suggestions")
                        .json()
                        .size())
                .isZero();
    }

    private UUID propose(UUID source, UUID target) {
        var proposed = agent.api().post("/api/v1/customer-merges", Map.of("sourceId", source, "targetId", target));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return UUID.fromString(proposed.json().get("id").asString());
    }

    private UUID openCase(String email, String subject) {
        var created = agent.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", email, "name", "Maria Lopez"),
                                "message",
                                Map.of("body", subject + ": please help.")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private UUID requester(UUID kase) {
        return UUID.fromString(agent.api()
                .get("/api/v1/cases/" + kase)
                .json()
                .get("requesterId")
                .asString());
    }

    private List<UUID> cases(UUID customer) {
        return supervisor
                .api()
                .get("/api/v1/cases?requesterId=" + customer + "&limit=100")
                .json()
                .get("items")
                .valueStream()
                .map(c -> UUID.fromString(c.get("id").asString()))
                .toList();
    }

    private JsonNode customer(UUID id) {
        return agent.api().get("/api/v1/customers/" + id).json();
    }

    private List<String> history(UUID id) {
        return agent.api()
                .get("/api/v1/customers/" + id + "/history")
                .json()
                .valueStream()
                .map(c -> c.get("field").asString())
                .toList();
    }

    private static List<String> emails(JsonNode customer) {
        return customer.get("emails").valueStream().map(JsonNode::asString).toList();
    }

    private static String email() {
        return "merge-" + UUID.randomUUID() + "@example.com";
    }
}
