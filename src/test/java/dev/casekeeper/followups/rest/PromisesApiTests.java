package dev.casekeeper.followups.rest;

import static dev.casekeeper.sla.SlaFixture.events;
import static dev.casekeeper.sla.SlaFixture.notifications;
import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A promise is a task: owned, dated, reminded, alerted when overdue, and in the way of solving until kept or withdrawn. */
@MovesTime
class PromisesApiTests extends ApiTestBase {

    // Only this test's timers come due when it moves time (see MovesTime): they run within a moment; this
    // bound only ends a failing test.
    private static final Duration WAIT = Duration.ofSeconds(60);

    private UUID team;
    private Caller owner;
    private Caller colleague;
    private Caller supervisor;
    private UUID caseId;

    @BeforeEach
    void theSocksReturnOwnedByAnAgent() {
        team = newTeam();
        owner = newAgent("agent", team);
        colleague = newAgent("agent", team);
        supervisor = newAgent("supervisor", team);
        caseId = SlaFixture.openCase(owner.api(), team, "Return: Nike Elite socks in the wrong colour");
        assertThat(owner.api()
                        .post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", owner.id()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPromiseByAColleagueBelongsToTheCaseOwnerAndShowsOnTheCaseAndInTheirFollowUps() {
        var promise = promise(colleague.api(), "Email the tracking number of the blue socks", hoursFromNow(48));

        assertThat(promise.get("ownerId").asString()).isEqualTo(owner.id().toString());
        assertThat(promise.get("state").asString()).isEqualTo("open");
        assertThat(promise.get("kind").asString()).isEqualTo("promise");
        var mine = owner.api().get("/api/v1/followups").json().get("items");
        assertThat(mine.valueStream().map(f -> f.get("id").asString()))
                .contains(promise.get("id").asString());
        assertThat(mine.valueStream()
                        .filter(f ->
                                f.get("id").asString().equals(promise.get("id").asString()))
                        .findFirst()
                        .orElseThrow()
                        .get("caseSubject")
                        .asString())
                .isEqualTo("Return: Nike Elite socks in the wrong colour");
        assertThat(colleague
                        .api()
                        .get("/api/v1/followups")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(f -> f.get("id").asString()))
                .doesNotContain(promise.get("id").asString());
        assertThat(owner.api()
                        .get("/api/v1/cases/" + caseId + "/followups")
                        .json()
                        .get("followups"))
                .hasSize(1);
        assertThat(events(owner.api(), caseId, "promise_recorded")).hasSize(1);
    }

    @Test
    void aCaseWithAnOpenPromiseCannotBeSolvedAndTheRefusalNamesThePromise() {
        promise(owner.api(), "Call Deon back about the refund", hoursFromNow(24));

        var refused = owner.api().patch("/api/v1/cases/" + caseId, Map.of("status", "solved", "priority", "high"));

        assertProblem(refused, 409, "open-promise");
        assertThat(refused.json().get("detail").asString()).contains("Call Deon back about the refund");
        var unchanged = owner.api().get("/api/v1/cases/" + caseId).json();
        assertThat(unchanged.get("status").asString()).isNotEqualTo("solved");
        assertThat(unchanged.get("priority").asString()).isEqualTo("normal");
    }

    @Test
    void aKeptPromiseNoLongerStandsInTheWayOfSolvingAndClosing() {
        var promise = promise(owner.api(), "Ship the blue socks", hoursFromNow(24));

        var kept = owner.api()
                .post(
                        "/api/v1/followups/" + promise.get("id").asString() + "/keep",
                        Map.of("note", "Shipped, tracking sent"));

        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().get("state").asString()).isEqualTo("kept");
        assertThat(kept.json().get("note").asString()).isEqualTo("Shipped, tracking sent");
        assertThat(owner.api()
                        .patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        assertThat(owner.api()
                        .patch("/api/v1/cases/" + caseId, Map.of("status", "closed"))
                        .status())
                .isEqualTo(200);
        assertThat(events(owner.api(), caseId, "promise_kept")).hasSize(1);
        assertProblem(
                owner.api()
                        .post("/api/v1/followups/" + promise.get("id").asString() + "/keep", Map.of("note", "again")),
                409,
                "followup-closed");
    }

    @Test
    void aPromiseMadeOnASolvedCaseKeepsItFromClosing() {
        owner.api().patch("/api/v1/cases/" + caseId, Map.of("status", "solved"));
        promise(owner.api(), "Check the replacement arrived", hoursFromNow(72));

        assertProblem(owner.api().patch("/api/v1/cases/" + caseId, Map.of("status", "closed")), 409, "open-promise");
    }

    @Test
    void aWithdrawnPromiseShowsItsReasonOnTheCase() {
        var promise = promise(owner.api(), "Send a store credit voucher", hoursFromNow(24));

        assertProblem(
                owner.api()
                        .post("/api/v1/followups/" + promise.get("id").asString() + "/withdraw", Map.of("reason", " ")),
                400,
                "invalid-input");
        var withdrawn = owner.api()
                .post(
                        "/api/v1/followups/" + promise.get("id").asString() + "/withdraw",
                        Map.of("reason", "Customer chose a refund instead"));

        assertThat(withdrawn.json().get("state").asString()).isEqualTo("withdrawn");
        assertThat(withdrawn.json().get("reason").asString()).isEqualTo("Customer chose a refund instead");
        var event = events(colleague.api(), caseId, "promise_withdrawn");
        assertThat(event).hasSize(1);
        assertThat(event.getFirst().get("data").get("reason").asString()).isEqualTo("Customer chose a refund instead");
        assertThat(owner.api()
                        .patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void remindsTheOwnerBeforeItIsDueAndAlertsOwnerAndSupervisorOnceWhenOverdue() {
        Instant due = hoursFromNow(3);
        var promise = promise(owner.api(), "Call back by 10:00", due);

        TestClock.INSTANCE.advanceTo(due.minus(Duration.ofMinutes(59)));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(notifications(owner.api(), caseId, "promise_reminder"))
                        .hasSize(1));
        assertThat(notifications(owner.api(), caseId, "promise_overdue")).isEmpty();

        TestClock.INSTANCE.advanceTo(due.plusSeconds(1));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(notifications(owner.api(), caseId, "promise_overdue")).hasSize(1);
            assertThat(notifications(supervisor.api(), caseId, "promise_overdue"))
                    .hasSize(1);
            assertThat(events(owner.api(), caseId, "promise_overdue")).hasSize(1);
        });
        assertThat(notifications(colleague.api(), caseId, "promise_overdue")).isEmpty();
        var listed = owner.api()
                .get("/api/v1/followups")
                .json()
                .get("items")
                .valueStream()
                .filter(f -> f.get("id").asString().equals(promise.get("id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("overdue").asBoolean()).isTrue();
    }

    @Test
    void aPromiseKeptInTimeRaisesNoOverdueAlert() {
        Instant due = hoursFromNow(2);
        var kept = promise(owner.api(), "Send the return label", due);
        owner.api().post("/api/v1/followups/" + kept.get("id").asString() + "/keep", Map.of("note", "Label sent"));
        Instant later = due.plus(Duration.ofHours(1));
        var sentinel = promise(owner.api(), "Confirm the refund", later);

        TestClock.INSTANCE.advanceTo(later.plusSeconds(1));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(events(owner.api(), caseId, "promise_overdue"))
                        .hasSize(1));
        assertThat(events(owner.api(), caseId, "promise_overdue")
                        .getFirst()
                        .get("data")
                        .get("followupId")
                        .asString())
                .isEqualTo(sentinel.get("id").asString());
    }

    @Test
    void promisesMoveWithTheCaseToItsNewOwner() {
        var promise = promise(owner.api(), "Replace the cable modem", hoursFromNow(24));

        var moved = owner.api()
                .post(
                        "/api/v1/cases/" + caseId + "/transfers",
                        Map.of(
                                "toAgentId",
                                colleague.id(),
                                "reason",
                                "Hardware specialist",
                                "summary",
                                "Modem keeps dropping; needs a replacement"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(colleague
                                .api()
                                .get("/api/v1/followups")
                                .json()
                                .get("items")
                                .valueStream()
                                .map(f -> f.get("id").asString()))
                        .contains(promise.get("id").asString()));
    }

    @Test
    void refusesAPromiseWithoutTextOrWithADueTimeInThePastAndChangesNothing() {
        var blank = owner.api()
                .post(
                        "/api/v1/cases/" + caseId + "/promises",
                        Map.of("text", " ", "dueAt", hoursFromNow(1).toString()));
        assertProblem(blank, 400, "invalid-input");
        assertThat(fieldsNamed(blank)).containsExactly("text");

        var past = owner.api()
                .post(
                        "/api/v1/cases/" + caseId + "/promises",
                        Map.of(
                                "text",
                                "Call back",
                                "dueAt",
                                TestClock.INSTANCE.instant().minusSeconds(60).toString()));
        assertProblem(past, 400, "invalid-input");
        assertThat(fieldsNamed(past)).containsExactly("dueAt");

        var malformed = owner.api()
                .post("/api/v1/cases/" + caseId + "/promises", Map.of("text", "Call back", "dueAt", "tomorrow"));
        assertProblem(malformed, 400, "invalid-input");
        assertThat(fieldsNamed(malformed)).containsExactly("dueAt");

        assertThat(owner.api()
                        .get("/api/v1/cases/" + caseId + "/followups")
                        .json()
                        .get("followups"))
                .isEmpty();
    }

    @Test
    void refusesAPromiseOnAClosedOrUnknownCaseAndFollowUpsOfOthers() {
        owner.api().patch("/api/v1/cases/" + caseId, Map.of("status", "solved"));
        owner.api().patch("/api/v1/cases/" + caseId, Map.of("status", "closed"));

        assertProblem(
                owner.api()
                        .post(
                                "/api/v1/cases/" + caseId + "/promises",
                                Map.of(
                                        "text",
                                        "Call back",
                                        "dueAt",
                                        hoursFromNow(1).toString())),
                409,
                "case-closed");
        assertProblem(
                owner.api()
                        .post(
                                "/api/v1/cases/" + UUID.randomUUID() + "/promises",
                                Map.of(
                                        "text",
                                        "Call back",
                                        "dueAt",
                                        hoursFromNow(1).toString())),
                404,
                "not-found");
        assertProblem(
                owner.api().post("/api/v1/followups/" + UUID.randomUUID() + "/keep", Map.of("note", "done")),
                404,
                "not-found");
        assertProblem(colleague.api().get("/api/v1/followups?ownerId=" + owner.id()), 403, "forbidden");
        assertThat(supervisor
                        .api()
                        .get("/api/v1/followups?ownerId=" + owner.id())
                        .status())
                .isEqualTo(200);
        assertProblem(owner.api().get("/api/v1/followups?state=forgotten"), 400, "invalid-input");
    }

    @Test
    void anAgentOutsideTheTeamSeesNeitherTheCasesPromisesNorCanKeepThem() {
        var promise = promise(owner.api(), "Call back", hoursFromNow(5));
        var outsider = newAgent("agent", newTeam());

        assertProblem(outsider.api().get("/api/v1/cases/" + caseId + "/followups"), 404, "not-found");
        assertProblem(
                outsider.api().post("/api/v1/followups/" + promise.get("id").asString() + "/keep", Map.of("note", "x")),
                404,
                "not-found");
    }

    private JsonNode promise(Api as, String text, Instant dueAt) {
        var recorded =
                as.post("/api/v1/cases/" + caseId + "/promises", Map.of("text", text, "dueAt", dueAt.toString()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.json();
    }

    private static Instant hoursFromNow(int hours) {
        return TestClock.INSTANCE.instant().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }
}
