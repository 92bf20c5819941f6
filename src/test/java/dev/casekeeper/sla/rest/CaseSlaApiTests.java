package dev.casekeeper.sla.rest;

import static dev.casekeeper.sla.SlaFixture.clock;
import static dev.casekeeper.sla.SlaFixture.events;
import static dev.casekeeper.sla.SlaFixture.notifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SLA clocks of a case as agents see them: started, stopped, paused, warned and breached, each once. */
@MovesTime
class CaseSlaApiTests extends ApiTestBase {

    // Only this test's timers come due when it moves time (see MovesTime): they run within a moment; this
    // bound only ends a failing test.
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private JdbcClient jdbc;

    private UUID team;
    private UUID calendar;
    private UUID policy;
    private Caller agent;
    private Caller supervisor;

    @BeforeEach
    void aTeamWithItsOwnPolicy() {
        team = newTeam();
        agent = newAgent("agent", team);
        supervisor = newAgent("supervisor", team);
        calendar = SlaFixture.alwaysOpenCalendar(admin());
        policy = SlaFixture.teamPolicy(admin(), calendar, team, true, null);
    }

    @Test
    void anOpenedCaseRunsFirstResponseAndResolutionClocksUnderItsTeamsPolicy() {
        var id = SlaFixture.openCase(agent.api(), team, "Wrong colour socks");
        var opened = Instant.parse(
                agent.api().get("/api/v1/cases/" + id).json().get("createdAt").asString());

        await().atMost(WAIT).untilAsserted(() -> {
            var sla = agent.api().get("/api/v1/cases/" + id + "/sla").json();
            assertThat(sla.get("policy").get("id").asString()).isEqualTo(policy.toString());
            var first = clock(agent.api(), id, "first_response");
            assertThat(first.get("state").asString()).isEqualTo("running");
            assertThat(first.get("targetMinutes").asInt()).isEqualTo(60);
            assertThat(Instant.parse(first.get("dueAt").asString())).isEqualTo(opened.plus(Duration.ofMinutes(60)));
            assertThat(first.get("businessSecondsLeft").asLong()).isBetween(1L, 3600L);
            assertThat(clock(agent.api(), id, "resolution").get("state").asString())
                    .isEqualTo("running");
        });
    }

    @Test
    void thePublicReplyMeetsTheFirstResponseTarget() {
        var id = SlaFixture.openCase(agent.api(), team, "Where is my refund?");

        assertThat(agent.api()
                        .post("/api/v1/cases/" + id + "/replies", Map.of("body", "I'm on it."))
                        .status())
                .isEqualTo(201);

        await().atMost(WAIT).untilAsserted(() -> {
            var first = clock(agent.api(), id, "first_response");
            assertThat(first.get("state").asString()).isEqualTo("met");
            assertThat(first.get("dueAt").isNull()).isTrue();
            assertThat(first.get("endedAt").isNull()).isFalse();
        });
    }

    @Test
    void eachCustomerMessageAfterAReplyStartsANextResponseClockThatTheNextReplyMeets() {
        var id = SlaFixture.openCase(agent.api(), team, "Cable technician late");
        agent.api().post("/api/v1/cases/" + id + "/replies", Map.of("body", "The technician is on the way."));
        agent.api().post("/api/v1/cases/" + id + "/messages", Map.of("body", "Still nobody here."));

        await().atMost(WAIT).untilAsserted(() -> {
            var next = clock(agent.api(), id, "next_response");
            assertThat(next.get("cycle").asInt()).isEqualTo(1);
            assertThat(next.get("state").asString()).isEqualTo("running");
            assertThat(next.get("targetMinutes").asInt()).isEqualTo(30);
        });

        agent.api().post("/api/v1/cases/" + id + "/replies", Map.of("body", "He is two streets away."));
        agent.api().post("/api/v1/cases/" + id + "/messages", Map.of("body", "Okay, thanks."));

        await().atMost(WAIT).untilAsserted(() -> {
            var next = clock(agent.api(), id, "next_response");
            assertThat(next.get("cycle").asInt()).isEqualTo(2);
            assertThat(next.get("state").asString()).isEqualTo("running");
        });
    }

    @Test
    void resolutionPausesWhileWaitingOnTheCustomerAndResumesWhereItStopped() {
        var id = SlaFixture.openCase(agent.api(), team, "Activation key lost");
        agent.api().patch("/api/v1/cases/" + id, Map.of("status", "pending"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(clock(agent.api(), id, "resolution")
                                .get("state")
                                .asString())
                        .isEqualTo("paused"));
        long leftWhenPaused =
                clock(agent.api(), id, "resolution").get("businessSecondsLeft").asLong();

        TestClock.INSTANCE.advance(Duration.ofHours(3));

        var paused = clock(agent.api(), id, "resolution");
        assertThat(paused.get("businessSecondsLeft").asLong()).isEqualTo(leftWhenPaused);
        assertThat(paused.get("dueAt").isNull()).isTrue();

        agent.api().post("/api/v1/cases/" + id + "/messages", Map.of("body", "Here is my order number."));
        await().atMost(WAIT).untilAsserted(() -> {
            var resumed = clock(agent.api(), id, "resolution");
            assertThat(resumed.get("state").asString()).isEqualTo("running");
            assertThat(resumed.get("businessSecondsLeft").asLong()).isBetween(leftWhenPaused - 60, leftWhenPaused);
        });
    }

    @Test
    void onHoldPausesResolutionOnlyWhenThePolicySaysSo() {
        var otherTeam = newTeam();
        var colleague = newAgent("agent", otherTeam);
        SlaFixture.teamPolicy(admin(), calendar, otherTeam, false, null);
        var counts = SlaFixture.openCase(colleague.api(), otherTeam, "Waiting on the courier");
        var pauses = SlaFixture.openCase(agent.api(), team, "Waiting on the warehouse");

        colleague.api().patch("/api/v1/cases/" + counts, Map.of("status", "on_hold"));
        agent.api().patch("/api/v1/cases/" + pauses, Map.of("status", "on_hold"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(clock(colleague.api(), counts, "resolution").get("state").asString())
                    .isEqualTo("running");
            assertThat(clock(agent.api(), pauses, "resolution").get("state").asString())
                    .isEqualTo("paused");
        });
    }

    @Test
    void warnsTheOwnerOnceAtThreeQuartersAndRecordsTheBreachOnceTellingTheTeamsSupervisor() {
        var id = SlaFixture.openCase(agent.api(), team, "Order shipped wrong");
        agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", agent.id()));
        var due = awaitDue(id, "first_response");

        TestClock.INSTANCE.advanceTo(due.minus(Duration.ofMinutes(14)));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events(agent.api(), id, "sla_warning")).hasSize(1);
            assertThat(notifications(agent.api(), id, "sla_warning")).hasSize(1);
            assertThat(clock(agent.api(), id, "first_response").get("state").asString())
                    .isEqualTo("warned");
        });
        assertThat(notifications(supervisor.api(), id, "sla_breach")).isEmpty();

        TestClock.INSTANCE.advanceTo(due.plusSeconds(1));

        await().atMost(WAIT).untilAsserted(() -> {
            var breaches = events(agent.api(), id, "sla_breached");
            assertThat(breaches).hasSize(1);
            assertThat(breaches.getFirst().get("data").get("target").asString()).isEqualTo("first_response");
            assertThat(notifications(agent.api(), id, "sla_breach")).hasSize(1);
            assertThat(notifications(supervisor.api(), id, "sla_breach")).hasSize(1);
            assertThat(clock(agent.api(), id, "first_response").get("state").asString())
                    .isEqualTo("breached");
        });

        // Anything that works the clocks out again (here a late reply) records nothing new.
        agent.api().post("/api/v1/cases/" + id + "/replies", Map.of("body", "Sorry for the wait."));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(clock(agent.api(), id, "first_response")
                                .get("endedAt")
                                .isNull())
                        .isFalse());
        assertThat(events(agent.api(), id, "sla_breached")).hasSize(1);
        assertThat(events(agent.api(), id, "sla_warning")).hasSize(1);
        assertThat(clock(agent.api(), id, "first_response").get("state").asString())
                .isEqualTo("breached");
    }

    @Test
    void aTimerThatComesDueAfterTheReplyRecordsNothing() {
        var id = SlaFixture.openCase(agent.api(), team, "Refund request");
        awaitDue(id, "first_response");
        agent.api().post("/api/v1/cases/" + id + "/replies", Map.of("body", "Refund is on its way."));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(clock(agent.api(), id, "first_response")
                                .get("state")
                                .asString())
                        .isEqualTo("met"));
        var resolutionWarning =
                Instant.parse(clock(agent.api(), id, "resolution").get("warnAt").asString());

        TestClock.INSTANCE.advanceTo(resolutionWarning.plusSeconds(1));

        // The resolution warning comes later than every first-response moment; once it is there, they have passed.
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(events(agent.api(), id, "sla_warning")).hasSize(1));
        assertThat(events(agent.api(), id, "sla_warning")
                        .getFirst()
                        .get("data")
                        .get("target")
                        .asString())
                .isEqualTo("resolution");
        assertThat(events(agent.api(), id, "sla_breached")).isEmpty();
    }

    @Test
    void aLongStoppedClockOfACaseFromTheDesksHistoryIsRecordedBreachedWithoutRingingAnyBell() {
        // Solved nine days ago, five hours after it came in: its first response missed the hour. It has no
        // SLA record yet, as after a load or an import, until something changes it: here its close.
        var id = historicCase("solved", Duration.ofDays(10), Duration.ofHours(5));

        assertThat(agent.api()
                        .patch("/api/v1/cases/" + id, Map.of("status", "closed"))
                        .status())
                .isEqualTo(200);

        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(events(agent.api(), id, "sla_breached")).isNotEmpty());
        assertThat(clock(agent.api(), id, "first_response").get("state").asString())
                .isEqualTo("breached");
        assertThat(notifications(agent.api(), id, "sla_breach")).isEmpty();
        assertThat(notifications(supervisor.api(), id, "sla_breach")).isEmpty();
    }

    @Test
    void aRunningClockThatBreachedLongAgoIsStillToldAtOnce() {
        // Open for ten days with no answer yet: something can still be done, so the owner hears of it.
        var id = historicCase("open", Duration.ofDays(10), null);

        agent.api().patch("/api/v1/cases/" + id, Map.of("priority", "high"));

        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(notifications(agent.api(), id, "sla_breach")).isNotEmpty());
        assertThat(notifications(supervisor.api(), id, "sla_breach")).isNotEmpty();
    }

    /** A case of the team owned by the agent, written straight into the table as a desk's history is loaded. */
    private UUID historicCase(String status, Duration age, @Nullable Duration answeredAfter) {
        var id = UUID.randomUUID();
        var created = TestClock.INSTANCE.instant().minus(age);
        var answered = answeredAfter == null ? null : Timestamp.from(created.plus(answeredAfter));
        jdbc.sql("""
                        insert into cases.support_case
                            (id, subject, requester_id, channel, status, priority, team_id, owner_id,
                             created_at, updated_at, first_response_at, solved_at)
                        values (:id, 'Lost activation key', gen_random_uuid(), 'email', :status, 'normal', :team,
                                :owner, :created, :created, :answered, :solved)
                        """)
                .param("id", id)
                .param("status", status)
                .param("team", team)
                .param("owner", agent.id())
                .param("created", Timestamp.from(created))
                .param("answered", answered)
                .param("solved", "solved".equals(status) ? answered : null)
                .update();
        return id;
    }

    @Test
    void aCaseWithoutAnOwnerPastTheLimitAlertsTheTeamsSupervisorOnce() {
        var id = SlaFixture.openCase(agent.api(), team, "Return refused at the desk");
        awaitDue(id, "first_response");

        TestClock.INSTANCE.advance(Duration.ofMinutes(31));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(notifications(supervisor.api(), id, "case_unowned")).hasSize(1);
            assertThat(events(agent.api(), id, "unowned_alert")).hasSize(1);
        });
        assertThat(notifications(agent.api(), id, "case_unowned")).isEmpty();
    }

    @Test
    void anOwnedCaseRaisesNoUnownedAlert() {
        var id = SlaFixture.openCase(agent.api(), team, "Invoice question");
        agent.api().post("/api/v1/cases/" + id + "/assignment", Map.of("ownerId", agent.id()));
        awaitDue(id, "first_response");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(agent.api()
                                .get("/api/v1/cases/" + id + "/owners")
                                .json())
                        .hasSize(1));
        var resolutionWarning =
                Instant.parse(clock(agent.api(), id, "resolution").get("warnAt").asString());

        TestClock.INSTANCE.advanceTo(resolutionWarning.plusSeconds(1));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(events(agent.api(), id, "sla_warning").stream()
                                .anyMatch(e ->
                                        e.get("data").get("target").asString().equals("resolution")))
                        .isTrue());
        assertThat(events(agent.api(), id, "unowned_alert")).isEmpty();
    }

    @Test
    void changingThePolicyMovesTheDueTimesOfOpenCases() {
        var id = SlaFixture.openCase(agent.api(), team, "Shower curtain exchange");
        var due = awaitDue(id, "first_response");

        var changed = admin().send(
                        "PUT",
                        "/api/v1/sla/policies/" + policy,
                        SlaFixture.policyBody("Changed " + UUID.randomUUID(), calendar, team, 600, 30, 2400));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Instant.parse(clock(agent.api(), id, "first_response")
                                .get("dueAt")
                                .asString()))
                        .isEqualTo(due.plus(Duration.ofMinutes(540))));
    }

    @Test
    void aCaseOfAnotherTeamCannotBeReadThroughItsSla() {
        var id = SlaFixture.openCase(agent.api(), team, "Private matter");
        var outsider = newAgent("agent", newTeam());

        assertThat(outsider.api().get("/api/v1/cases/" + id + "/sla").status()).isEqualTo(404);
        assertThat(agent.api()
                        .get("/api/v1/cases/" + UUID.randomUUID() + "/sla")
                        .status())
                .isEqualTo(404);
    }

    private Instant awaitDue(UUID id, String target) {
        var due = new Instant[1];
        await().atMost(WAIT).untilAsserted(() -> {
            var node = clock(agent.api(), id, target).get("dueAt");
            assertThat(node.isNull()).isFalse();
            due[0] = Instant.parse(node.asString());
        });
        return due[0];
    }
}
