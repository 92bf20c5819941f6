package dev.casekeeper.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import tools.jackson.databind.JsonNode;

/**
 * What a case's row keeps so that a report joins nothing: whether its first-response and resolution
 * targets were breached (also when the breach comes after the row was written), its requester's
 * previous case (also after the customer's records are merged, and again after the merge is undone),
 * and the migration that fills both for the rows written before it.
 */
@MovesTime
class CaseFactColumnsTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MIGRATION = "db/migration/reports/V8__derived_case_columns.sql";

    @Autowired
    CaseLookup lookup;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Reports reports;

    @Test
    void aBreachThatComesAfterTheCaseWasCountedCountsItsTargetAsMissed() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), team, false, null);
        var late = SlaFixture.openCase(agent.api(), team, "Parcel never arrived");
        var answered = SlaFixture.openCase(agent.api(), team, "Wrong size shoes");
        reply(agent.api(), answered);
        await().atMost(WAIT).untilAsserted(() -> {
            var total = total(supervisor.api(), team);
            assertThat(total.get("created").asLong()).isEqualTo(2);
            assertThat(total.get("firstResponseMet").asLong()).isEqualTo(1);
        });

        TestClock.INSTANCE.advanceTo(due(agent.api(), late, "first_response").plusSeconds(1));
        await().atMost(WAIT)
                .until(() ->
                        !SlaFixture.events(agent.api(), late, "sla_breached").isEmpty());
        reply(agent.api(), late);
        solve(agent.api(), answered);
        TestClock.INSTANCE.advanceTo(due(agent.api(), late, "resolution").plusSeconds(1));
        await().atMost(WAIT)
                .until(() ->
                        SlaFixture.events(agent.api(), late, "sla_breached").size() == 2);
        solve(agent.api(), late);

        await().atMost(WAIT).untilAsserted(() -> {
            var total = total(supervisor.api(), team);
            assertThat(total.get("solved").asLong()).isEqualTo(2);
            // Both answered, one after its target; both solved, one after its target.
            assertThat(total.get("firstResponseMet").asLong()).isEqualTo(1);
            assertThat(total.get("firstResponseBreached").asLong()).isEqualTo(1);
            assertThat(total.get("resolutionMet").asLong()).isEqualTo(1);
            assertThat(total.get("resolutionBreached").asLong()).isEqualTo(1);
        });
    }

    @Test
    void aCaseOfACustomerWhoseOtherRecordHadOneDaysBeforeCountsAsARepeatOnceTheRecordsAreMerged() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var chat = new CaseId(SlaFixture.openCase(agent.api(), team, "Chat: parcel late", email()));
        TestClock.INSTANCE.advance(Duration.ofDays(2));
        var mail = new CaseId(SlaFixture.openCase(agent.api(), team, "Parcel still late", email()));
        await().atMost(WAIT).untilAsserted(() -> {
            var total = total(supervisor.api(), team);
            assertThat(total.get("created").asLong()).isEqualTo(2);
            assertThat(total.get("repeatContacts").asLong()).isZero();
        });

        var merge = agent.api()
                .post(
                        "/api/v1/customer-merges",
                        Map.of(
                                "sourceId", lookup.summary(mail).requesterId().value(),
                                "targetId", lookup.summary(chat).requesterId().value()))
                .json()
                .get("id")
                .asString();
        var confirmed = supervisor
                .api()
                .post("/api/v1/customer-merges/" + merge + "/confirmation", Map.of("reason", "Same order"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

        // The email case came two days after the chat case of the same customer now.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(total(supervisor.api(), team)
                                .get("repeatContacts")
                                .asLong())
                        .isEqualTo(1));

        var undone =
                supervisor.api().post("/api/v1/customer-merges/" + merge + "/undo", Map.of("reason", "Two people"));
        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(total(supervisor.api(), team)
                                .get("repeatContacts")
                                .asLong())
                        .isZero());
    }

    @Test
    void rowsWrittenBeforeTheMigrationReadTheSameOnceItFilledThem() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), team, false, null);
        String again = email();
        var late = SlaFixture.openCase(agent.api(), team, "Activation key gone", again);
        SlaFixture.openCase(agent.api(), team, "Activation key still gone", again);
        TestClock.INSTANCE.advanceTo(due(agent.api(), late, "first_response").plusSeconds(1));
        await().atMost(WAIT)
                .until(() ->
                        !SlaFixture.events(agent.api(), late, "sla_breached").isEmpty());
        reply(agent.api(), late);
        SlaFixture.openCase(agent.api(), team, "Activation key: third time", again);
        // The first two breached their first response (opened together); the first was answered late.
        var written = await().atMost(WAIT)
                .until(
                        () -> total(supervisor.api(), team),
                        total -> total.get("created").asLong() == 3
                                && total.get("repeatContacts").asLong() == 2
                                && total.get("firstResponseBreached").asLong() == 2);
        assertThat(written.get("firstResponseMet").asLong()).isZero();

        // As the rows of this team read before the migration added their columns.
        jdbc.sql("""
                        update reports.case_fact set previous_created_at = null, first_response_breached = false,
                            resolution_breached = false
                        where team_id = :team
                        """).param("team", team).update();
        var before = total(supervisor.api(), team);
        assertThat(before.get("repeatContacts").asLong()).isZero();
        assertThat(before.get("firstResponseMet").asLong()).isEqualTo(1);
        new ResourceDatabasePopulator(new ClassPathResource(MIGRATION)).execute(dataSource);

        assertThat(total(supervisor.api(), team)).isEqualTo(written);
    }

    @Test
    void theReconcileWorksOutAgainTheRepeatContactsAndMetTargetsOfItsDays() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        String again = email();
        var first = SlaFixture.openCase(agent.api(), team, "Parcel late", again);
        SlaFixture.openCase(agent.api(), team, "Parcel still late", again);
        reply(agent.api(), first);
        var written = await().atMost(WAIT)
                .until(
                        () -> total(supervisor.api(), team),
                        total -> total.get("repeatContacts").asLong() == 1
                                && total.get("firstResponseMet").asLong() == 1);
        // Left wrong by a crash or a bug since fixed.
        jdbc.sql("""
                        update reports.case_fact set previous_created_at = null, first_response_breached = true
                        where team_id = :team
                        """).param("team", team).update();
        assertThat(total(supervisor.api(), team).get("repeatContacts").asLong()).isZero();

        reports.refreshCreated(reports.today().minusDays(1), reports.today());

        assertThat(total(supervisor.api(), team)).isEqualTo(written);
    }

    private static JsonNode total(Api as, UUID team) {
        var report = as.get("/api/v1/reports/metrics?team=" + team);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json().get("total");
    }

    private static void reply(Api as, UUID kase) {
        var replied = as.post("/api/v1/cases/" + kase + "/replies", Map.of("body", "A new pair is on its way."));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
    }

    private static void solve(Api as, UUID kase) {
        var solved = as.patch("/api/v1/cases/" + kase, Map.of("status", "solved"));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
    }

    private static Instant due(Api as, UUID kase, String target) {
        var dueAt = new Instant[1];
        await().atMost(WAIT).untilAsserted(() -> {
            var clock = SlaFixture.clock(as, kase, target);
            assertThat(clock.get("dueAt").isNull()).isFalse();
            dueAt[0] = Instant.parse(clock.get("dueAt").asString());
        });
        return dueAt[0];
    }

    private static String email() {
        return "facts-" + UUID.randomUUID() + "@example.com";
    }
}
