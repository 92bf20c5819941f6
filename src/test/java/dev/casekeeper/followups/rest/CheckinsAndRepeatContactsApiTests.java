package dev.casekeeper.followups.rest;

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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After solving: a check-in for the owner, and a customer writing again soon is flagged and counted. */
@MovesTime
class CheckinsAndRepeatContactsApiTests extends ApiTestBase {

    // Only this test's timers come due when it moves time (see MovesTime): they run within a moment; this
    // bound only ends a failing test.
    private static final Duration WAIT = Duration.ofSeconds(60);

    private UUID team;
    private Caller owner;
    private Caller supervisor;

    @BeforeEach
    void aTeamWhosePolicyChecksInAfterOneBusinessDay() {
        team = newTeam();
        owner = newAgent("agent", team);
        supervisor = newAgent("supervisor", team);
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), team, false, 1);
    }

    @Test
    void solvingSetsACheckInThatBecomesAFollowUpForTheOwner() {
        var id = solvedCase("customer-" + UUID.randomUUID() + "@example.com");

        TestClock.INSTANCE.advance(Duration.ofDays(2));

        await().atMost(WAIT).untilAsserted(() -> {
            var checkins = owner.api()
                    .get("/api/v1/cases/" + id + "/followups")
                    .json()
                    .get("followups")
                    .valueStream()
                    .filter(f -> f.get("kind").asString().equals("checkin"))
                    .toList();
            assertThat(checkins).hasSize(1);
            assertThat(checkins.getFirst().get("ownerId").asString())
                    .isEqualTo(owner.id().toString());
            assertThat(notifications(owner.api(), id, "checkin_due")).hasSize(1);
            assertThat(events(owner.api(), id, "checkin_due")).hasSize(1);
        });
        var checkin = owner.api()
                .get("/api/v1/followups")
                .json()
                .get("items")
                .valueStream()
                .filter(f -> f.get("caseId").asString().equals(id.toString()))
                .findFirst()
                .orElseThrow();
        var done = owner.api()
                .post(
                        "/api/v1/followups/" + checkin.get("id").asString() + "/keep",
                        Map.of("note", "Called Deon: the blue socks fit, all good"));
        assertThat(done.json().get("state").asString()).isEqualTo("kept");
    }

    @Test
    void aCustomerWritingAgainSoonAfterSolvingFlagsTheReopenedCase() {
        var id = solvedCase("customer-" + UUID.randomUUID() + "@example.com");

        owner.api().post("/api/v1/cases/" + id + "/messages", Map.of("body", "The socks are still the wrong colour!"));

        await().atMost(WAIT).untilAsserted(() -> {
            var followups =
                    owner.api().get("/api/v1/cases/" + id + "/followups").json();
            assertThat(followups.get("repeatContact").asBoolean()).isTrue();
            assertThat(followups.get("repeats")).hasSize(1);
            assertThat(followups.get("repeats").get(0).get("earlierCaseId").asString())
                    .isEqualTo(id.toString());
        });
    }

    @Test
    void aNewCaseFromTheSameCustomerSoonAfterSolvingIsFlaggedLinkedToTheEarlierOneAndCountedAgainstItsOwner() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        var earlier = solvedCase(email);
        var earlierNumber =
                owner.api().get("/api/v1/cases/" + earlier).json().get("number").asLong();
        TestClock.INSTANCE.advance(Duration.ofHours(5));

        var again = SlaFixture.openCase(owner.api(), team, "Socks again", email);

        await().atMost(WAIT).untilAsserted(() -> {
            var followups =
                    owner.api().get("/api/v1/cases/" + again + "/followups").json();
            assertThat(followups.get("repeatContact").asBoolean()).isTrue();
            assertThat(followups.get("repeats").get(0).get("earlierCaseId").asString())
                    .isEqualTo(earlier.toString());
            assertThat(followups.get("repeats").get(0).get("earlierNumber").asLong())
                    .isEqualTo(earlierNumber);
            assertThat(followups.get("repeats").get(0).get("solvedBy").asString())
                    .isEqualTo(owner.id().toString());
        });
        var counts = supervisor.api().get("/api/v1/repeat-contacts").json();
        assertThat(counts.get("byAgent")
                        .valueStream()
                        .filter(a ->
                                a.get("agentId").asString().equals(owner.id().toString()))
                        .findFirst()
                        .orElseThrow()
                        .get("count")
                        .asLong())
                .isEqualTo(1);
        assertThat(counts.get("byTeam")
                        .valueStream()
                        .filter(t -> t.get("teamId").asString().equals(team.toString()))
                        .findFirst()
                        .orElseThrow()
                        .get("count")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void anEarlierCaseOfAnotherTeamIsOnlySaidToExistWithNothingThatWouldOpenIt() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        var otherTeam = newTeam();
        var otherAgent = newAgent("agent", otherTeam);
        var earlier = SlaFixture.openCase(otherAgent.api(), otherTeam, "Return: socks in the wrong size", email);
        otherAgent.api().post("/api/v1/cases/" + earlier + "/assignment", Map.of("ownerId", otherAgent.id()));
        otherAgent.api().post("/api/v1/cases/" + earlier + "/replies", Map.of("body", "A new pair is on its way."));
        assertThat(otherAgent
                        .api()
                        .patch("/api/v1/cases/" + earlier, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        var earlierNumber = otherAgent
                .api()
                .get("/api/v1/cases/" + earlier)
                .json()
                .get("number")
                .asString();
        assertThat(owner.api().get("/api/v1/cases/" + earlier).status()).isEqualTo(404);

        var again = SlaFixture.openCase(owner.api(), team, "Socks again", email);

        await().atMost(WAIT).untilAsserted(() -> {
            var response = owner.api().get("/api/v1/cases/" + again + "/followups");
            var repeat = response.json().get("repeats").get(0);
            assertThat(response.json().get("repeatContact").asBoolean()).isTrue();
            assertThat(repeat.get("byAnotherTeam").asBoolean()).isTrue();
            assertThat(repeat.get("earlierCaseId").isNull()).isTrue();
            assertThat(repeat.get("earlierNumber").isNull()).isTrue();
            assertThat(repeat.get("solvedBy").isNull()).isTrue();
            // When, to the day: enough to say "solved 3 days ago", not the moment.
            assertThat(repeat.get("earlierSolvedAt").asString()).endsWith("T00:00:00Z");
            assertThat(response.text())
                    .doesNotContain(earlier.toString(), otherAgent.id().toString(), otherTeam.toString());
        });
        // Whoever may open the earlier case still gets it named.
        var named = supervisor
                .api()
                .get("/api/v1/cases/" + again + "/followups")
                .json()
                .get("repeats")
                .get(0);
        assertThat(named.get("byAnotherTeam").asBoolean()).isFalse();
        assertThat(named.get("earlierCaseId").asString()).isEqualTo(earlier.toString());
        assertThat(named.get("earlierNumber").asString()).isEqualTo(earlierNumber);
        assertThat(named.get("solvedBy").asString()).isEqualTo(otherAgent.id().toString());
    }

    @Test
    void repeatContactCountsAreForSupervisorsAndRefuseAnEmptyPeriod() {
        assertProblem(owner.api().get("/api/v1/repeat-contacts"), 403, "forbidden");
        assertProblem(
                supervisor.api().get("/api/v1/repeat-contacts?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z"),
                400,
                "invalid-input");
        assertProblem(supervisor.api().get("/api/v1/repeat-contacts?since=yesterday"), 400, "invalid-input");
    }

    private UUID solvedCase(String email) {
        var id = SlaFixture.openCase(owner.api(), team, "Return: Nike Elite socks in the wrong colour", email);
        owner.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", owner.id()));
        owner.api().post("/api/v1/cases/" + id + "/replies", Map.of("body", "The blue ones ship today."));
        var solved = owner.api().patch("/api/v1/cases/" + id, Map.of("status", "solved"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
        return id;
    }
}
