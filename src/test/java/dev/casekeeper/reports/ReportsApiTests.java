package dev.casekeeper.reports;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reports API: who sees which figures, the CSV export and its audit record, bad input, the rebuild. */
class ReportsApiTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseLookup lookup;

    @Test
    void anAgentGetsTheirOwnFiguresAndTheirTeamsTotalsButNoOneElses() {
        var team = newTeam();
        var other = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);

        var own = agent.api().get("/api/v1/reports/metrics");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("agent").asString()).isEqualTo(agent.id().toString());
        assertThat(agent.api().get("/api/v1/reports/metrics?team=" + team).status())
                .isEqualTo(200);

        assertProblem(agent.api().get("/api/v1/reports/metrics?team=" + other), 403, "forbidden");
        assertProblem(agent.api().get("/api/v1/reports/metrics?agent=" + colleague.id()), 403, "forbidden");
        assertProblem(agent.api().get("/api/v1/reports/metrics/csv?team=" + other), 403, "forbidden");
    }

    @Test
    void aSupervisorSeesTheirTeamsAndTheirAgentsOnly() {
        var team = newTeam();
        var other = newTeam();
        var supervisor = newAgent("supervisor", team);
        var member = newAgent("agent", team);
        var stranger = newAgent("agent", other);

        assertThat(supervisor.api().get("/api/v1/reports/metrics?team=" + team).status())
                .isEqualTo(200);
        assertThat(supervisor
                        .api()
                        .get("/api/v1/reports/metrics?agent=" + member.id())
                        .status())
                .isEqualTo(200);
        assertProblem(supervisor.api().get("/api/v1/reports/metrics?team=" + other), 403, "forbidden");
        assertProblem(supervisor.api().get("/api/v1/reports/metrics?agent=" + stranger.id()), 403, "forbidden");
        assertThat(admin().get("/api/v1/reports/metrics?team=" + other).status())
                .isEqualTo(200);
    }

    @Test
    void aTeamsReportCountsItsCasesAndExportsAsCsvWithARecordOfWhoExportedIt() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        openCase(supervisor.api(), team, "Charged twice for one order");
        openCase(supervisor.api(), team, "Parcel never arrived");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> supervisor
                                .api()
                                .get("/api/v1/reports/metrics?period=week&team=" + team)
                                .json()
                                .get("total")
                                .get("created")
                                .asLong()
                        == 2);

        var csv = supervisor.api().get("/api/v1/reports/metrics/csv?period=month&team=" + team);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        var lines = csv.text().split("\r\n");
        assertThat(lines[0]).startsWith("period,created,solved,reopened,first_response_median_s");
        assertThat(lines[lines.length - 1]).startsWith("total,2,");
        var exports = jdbc.sql("select parameters from reports.export_log where agent_id = :agent")
                .param("agent", supervisor.id())
                .query(String.class)
                .list();
        assertThat(exports).singleElement().asString().contains("team=" + team).contains("period=month");
    }

    @Test
    void aReportAskedForBadlyIsRefusedNamingEveryFieldAndNothingIsExported() {
        var agent = newAgent("agent");

        var refused = agent.api().get("/api/v1/reports/metrics/csv?from=yesterday&period=fortnight&channel=fax");

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactlyInAnyOrder("from", "period", "channel");
        assertThat(jdbc.sql("select count(*) from reports.export_log where agent_id = :agent")
                        .param("agent", agent.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(fieldsNamed(agent.api().get("/api/v1/reports/metrics?from=2026-05-02&to=2026-05-01")))
                .containsExactly("from");
    }

    @Test
    void onlyAnAdminRebuildsAndTheRebuildRewritesTheFactsOfTheDays() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var kase = openCase(agent.api(), team, "Router keeps rebooting");
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(kase) == 1);
        jdbc.sql("delete from reports.case_fact where case_id = :id")
                .param("id", kase)
                .update();
        var today = java.time.LocalDate.now(java.time.ZoneId.systemDefault());
        var days = Map.of(
                "from", today.minusDays(1).toString(), "to", today.plusDays(1).toString());

        assertProblem(agent.api().post("/api/v1/reports/rebuild", days), 403, "forbidden");
        assertThat(facts(kase)).isZero();

        var rebuilt = admin().post("/api/v1/reports/rebuild", days);

        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("refreshed").asInt()).isPositive();
        assertThat(facts(kase)).isEqualTo(1);
        assertThat(fieldsNamed(admin().post("/api/v1/reports/rebuild", Map.of())))
                .contains("from", "to");
    }

    @Test
    void customersWithTwoSignsOfDissatisfactionAreListedWithTheirReasonsAndCasesForSupervisorsOnly() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var agent = agents.signedIn(new AgentId(newAgent("agent", team).id())).orElseThrow();
        String unhappy = "unhappy-" + UUID.randomUUID() + "@example.com";
        var first = open(team, unhappy, "Charged twice");
        cases.assign(first, agent.id(), agent);
        cases.change(first, new ChangeCase(CaseStatus.SOLVED, null, null), agent);
        cases.change(first, new ChangeCase(CaseStatus.OPEN, null, null), agent);
        var second = open(team, unhappy, "Still charged twice");
        var once = open(team, "once-" + UUID.randomUUID() + "@example.com", "Parcel late");
        cases.assign(once, agent.id(), agent);
        cases.change(once, new ChangeCase(CaseStatus.SOLVED, null, null), agent);
        cases.change(once, new ChangeCase(CaseStatus.OPEN, null, null), agent);
        long firstNumber = lookup.summary(first).number();
        long secondNumber = lookup.summary(second).number();
        long onceNumber = lookup.summary(once).number();

        var listed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> supervisor
                                .api()
                                .get("/api/v1/reports/customers-at-risk")
                                .json()
                                .valueStream()
                                .filter(c -> c.get("cases").valueStream().anyMatch(n -> n.asLong() == firstNumber))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();

        assertThat(listed.get("signals").asInt()).isEqualTo(2);
        assertThat(listed.get("reasons").valueStream().map(r -> r.asString()))
                .containsExactly("reopened", "repeat_contact");
        assertThat(listed.get("cases").valueStream().map(n -> n.asLong())).containsExactly(firstNumber, secondNumber);
        assertThat(listed.get("name").asString()).isEqualTo("Maria Lopez");
        assertThat(supervisor.api().get("/api/v1/reports/customers-at-risk").text())
                .doesNotContain("" + onceNumber);
        assertProblem(newAgent("agent", team).api().get("/api/v1/reports/customers-at-risk"), 403, "forbidden");
        assertThat(newAgent("supervisor", newTeam())
                        .api()
                        .get("/api/v1/reports/customers-at-risk")
                        .text())
                .doesNotContain("" + firstNumber);
    }

    private CaseId open(UUID team, String email, String subject) {
        var message = InboundMessage.newCase(subject, "It happened again.", Channel.EMAIL, Actor.SYSTEM)
                .withTeam(new TeamId(team));
        return intake.receive(message, Sender.email(email, "Maria Lopez"))
                .summary()
                .id();
    }

    private long facts(java.util.UUID kase) {
        return jdbc.sql("select count(*) from reports.case_fact where case_id = :id")
                .param("id", kase)
                .query(Long.class)
                .single();
    }
}
