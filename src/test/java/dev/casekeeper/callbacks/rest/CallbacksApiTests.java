package dev.casekeeper.callbacks.rest;

import static dev.casekeeper.sla.SlaFixture.events;
import static dev.casekeeper.sla.SlaFixture.notifications;
import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A callback is an owned task: it waits in the team's queue until an agent takes it, keeps the window
 * promised to the customer, shows in My follow-ups, is warned and alerted like a promise, and keeps
 * the case from being solved until it is done with its outcome. (Seed: the customer left on hold
 * until she hung up.)
 */
@MovesTime
class CallbacksApiTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private UUID team;
    private Caller agent;
    private Caller colleague;
    private Caller otherTeamAgent;
    private Caller supervisor;
    private UUID caseId;

    @BeforeEach
    void theCustomerHungUpAfterALongHold() {
        team = newTeam();
        agent = newAgent("agent", team);
        colleague = newAgent("agent", team);
        supervisor = newAgent("supervisor", team);
        otherTeamAgent = newAgent("agent", newTeam());
        caseId = SlaFixture.openCase(agent.api(), team, "Left on hold until she hung up");
    }

    @Test
    void aCustomerWhoLeftTheQueueGetsACallbackInTheTeamsQueueUntilAnAgentTakesIt() {
        var contactId = agent.api()
                .post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"))
                .json()
                .get("id")
                .asString();
        agent.api()
                .post(
                        "/api/v1/routing/contacts/" + contactId + "/abandonment",
                        Map.of("callbackPhone", "+44 20 7946 0018"));

        var queued = only(agent.api().get("/api/v1/callbacks?view=queue").json(), caseId);
        assertThat(queued.get("ownerId").isNull()).isTrue();
        assertThat(queued.get("phone").asString()).isEqualTo("+44 20 7946 0018");
        assertThat(queued.get("source").asString()).isEqualTo("queue");
        assertThat(Duration.between(
                        Instant.parse(queued.get("windowFrom").asString()),
                        Instant.parse(queued.get("windowUntil").asString())))
                .isEqualTo(Duration.ofHours(4));
        assertThat(events(agent.api(), caseId, "callback_requested")).hasSize(1);
        assertThat(otherTeamAgent
                        .api()
                        .get("/api/v1/callbacks?view=queue")
                        .json()
                        .get("items")
                        .valueStream())
                .noneMatch(c -> c.get("caseId").asString().equals(caseId.toString()));

        var taken = colleague.api().post("/api/v1/callbacks/" + queued.get("id").asString() + "/take", Map.of());

        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("ownerId").asString())
                .isEqualTo(colleague.id().toString());
        assertThat(ids(colleague.api().get("/api/v1/callbacks?view=mine").json()))
                .contains(queued.get("id").asString());
        assertThat(ids(agent.api().get("/api/v1/callbacks?view=queue").json()))
                .doesNotContain(queued.get("id").asString());
        assertProblem(
                agent.api().post("/api/v1/callbacks/" + queued.get("id").asString() + "/take", Map.of()),
                409,
                "callback-taken");
        assertThat(events(agent.api(), caseId, "callback_taken")).hasSize(1);
    }

    @Test
    void anOpenCallbackKeepsTheCaseFromBeingSolvedUntilItIsDoneWithItsOutcome() {
        var callback = request(agent, hoursFromNow(1), hoursFromNow(3));
        assertThat(callback.get("ownerId").asString()).isEqualTo(agent.id().toString());

        assertProblem(agent.api().patch("/api/v1/cases/" + caseId, Map.of("status", "solved")), 409, "open-callback");

        var done = agent.api()
                .post(
                        "/api/v1/callbacks/" + callback.get("id").asString() + "/done",
                        Map.of("outcome", "reached", "note", "Apologised for the hold; the refund is on its way"));

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).isEqualTo("done");
        assertThat(done.json().get("outcome").asString()).isEqualTo("reached");
        var event = events(agent.api(), caseId, "callback_done");
        assertThat(event).hasSize(1);
        assertThat(event.getFirst().get("data").get("outcome").asString()).isEqualTo("reached");
        assertThat(agent.api()
                        .patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/callbacks/" + callback.get("id").asString() + "/done",
                                Map.of("outcome", "reached")),
                409,
                "callback-done");
    }

    @Test
    void noAnswerWithARetryPlanKeepsTheCallbackOpenInTheNewWindow() {
        var callback = request(agent, hoursFromNow(1), hoursFromNow(2));
        var retryFrom = hoursFromNow(20);
        var retryUntil = hoursFromNow(22);

        var tried = agent.api()
                .post(
                        "/api/v1/callbacks/" + callback.get("id").asString() + "/done",
                        Map.of("outcome", "no_answer", "retryFrom", retryFrom, "retryUntil", retryUntil));

        assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
        assertThat(tried.json().get("state").asString()).isEqualTo("open");
        assertThat(tried.json().get("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(tried.json().get("windowUntil").asString())).isEqualTo(retryUntil);
        assertThat(events(agent.api(), caseId, "callback_retry")).hasSize(1);
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/callbacks/" + callback.get("id").asString() + "/done",
                                Map.of("outcome", "no_answer")),
                400,
                "invalid-input");

        var left = agent.api()
                .post(
                        "/api/v1/callbacks/" + callback.get("id").asString() + "/done",
                        Map.of("outcome", "left_message", "note", "Voicemail: call us on the returns line"));
        assertThat(left.json().get("state").asString()).isEqualTo("done");
        assertThat(left.json().get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void warnsTheOwnerBeforeTheWindowClosesAndAlertsOwnerAndSupervisorOnceWhenItPasses() {
        var until = hoursFromNow(3);
        var callback = request(agent, hoursFromNow(1), until);

        TestClock.INSTANCE.advanceTo(until.minus(Duration.ofMinutes(29)));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(notifications(agent.api(), caseId, "callback_due"))
                        .hasSize(1));
        assertThat(notifications(agent.api(), caseId, "callback_overdue")).isEmpty();

        TestClock.INSTANCE.advanceTo(until.plusSeconds(1));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(notifications(agent.api(), caseId, "callback_overdue")).hasSize(1);
            assertThat(notifications(supervisor.api(), caseId, "callback_overdue"))
                    .hasSize(1);
            assertThat(events(agent.api(), caseId, "callback_overdue")).hasSize(1);
        });
        var mine = only(agent.api().get("/api/v1/callbacks?view=mine").json(), caseId);
        assertThat(mine.get("id").asString()).isEqualTo(callback.get("id").asString());
        assertThat(mine.get("overdue").asBoolean()).isTrue();
    }

    @Test
    void onlySupervisorsGiveACallbackToAnAgentAndOthersCannotReachIt() {
        var callback = request(agent, hoursFromNow(1), hoursFromNow(3));
        var id = callback.get("id").asString();

        assertProblem(
                agent.api().post("/api/v1/callbacks/" + id + "/assignment", Map.of("ownerId", colleague.id())),
                403,
                "forbidden");
        assertProblem(otherTeamAgent.api().get("/api/v1/callbacks/" + id), 404, "not-found");
        assertProblem(otherTeamAgent.api().post("/api/v1/callbacks/" + id + "/take", Map.of()), 404, "not-found");
        assertProblem(
                otherTeamAgent.api().post("/api/v1/callbacks/" + id + "/done", Map.of("outcome", "reached")),
                404,
                "not-found");
        assertProblem(agent.api().get("/api/v1/callbacks?view=all"), 403, "forbidden");

        var given = supervisor.api().post("/api/v1/callbacks/" + id + "/assignment", Map.of("ownerId", colleague.id()));

        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(given.json().get("ownerId").asString())
                .isEqualTo(colleague.id().toString());
        assertThat(ids(supervisor.api().get("/api/v1/callbacks?view=all").json()))
                .contains(id);
    }

    @Test
    void aRequestWithoutAWayToCallOrWithABadWindowIsRefusedAndChangesNothing() {
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/callbacks",
                                Map.of(
                                        "caseId",
                                        caseId,
                                        "windowFrom",
                                        hoursFromNow(1),
                                        "windowUntil",
                                        hoursFromNow(2))),
                400,
                "invalid-input");
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/callbacks",
                                Map.of(
                                        "caseId",
                                        caseId,
                                        "phone",
                                        "+44 20 7946 0018",
                                        "windowFrom",
                                        hoursFromNow(3),
                                        "windowUntil",
                                        hoursFromNow(2))),
                400,
                "invalid-input");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId + "/callbacks")
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(events(agent.api(), caseId, "callback_requested")).isEmpty();
    }

    private JsonNode request(Caller by, Instant from, Instant until) {
        var created = by.api()
                .post(
                        "/api/v1/callbacks",
                        Map.of(
                                "caseId",
                                caseId,
                                "phone",
                                "+44 20 7946 0018",
                                "windowFrom",
                                from,
                                "windowUntil",
                                until));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static JsonNode only(JsonNode list, UUID caseId) {
        var found = list.get("items")
                .valueStream()
                .filter(c -> c.get("caseId").asString().equals(caseId.toString()))
                .toList();
        assertThat(found).as(list.toString()).hasSize(1);
        return found.getFirst();
    }

    private static List<String> ids(JsonNode list) {
        return list.get("items").valueStream().map(c -> c.get("id").asString()).toList();
    }

    private static Instant hoursFromNow(int hours) {
        return TestClock.INSTANCE.instant().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }
}
