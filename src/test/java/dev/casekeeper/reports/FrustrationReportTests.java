package dev.casekeeper.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Frustration at first contact and at the customer's last message, and how fast a supervisor joined
 * a heated case, through real messages, supervisor requests and the reports API; a rebuild gives the
 * same figures. The clock is real time plus the test's jumps, so a time may exceed the scripted one by
 * the moment the calls themselves take: the checks allow five seconds for that.
 */
@MovesTime
class FrustrationReportTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final double SLACK = 5.0;

    @Autowired
    Reports reports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomerWhoStartedAngryAndEndedCalmCountsAsEndingCalmerWithTheMeanOfEachScore() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var kase = customerOpens(
                agent.api(),
                team,
                "This is the THIRD time I write!!! Your service is useless and nobody answers. Unacceptable!");
        customerWrites(agent.api(), kase, "Thank you, the refund arrived this morning. All good now, have a nice day.");
        var scores = await().atMost(WAIT).until(() -> scores(agent.api(), kase), s -> s.size() == 2);
        assertThat(scores.getFirst()).as("the angry first message").isGreaterThan(scores.getLast());

        var total = await().atMost(WAIT)
                .until(
                        () -> total(supervisor.api(), team),
                        // Facts follow each score: later than its message when scoring it then failed.
                        t -> t.get("frustrationScored").asLong() == 1
                                && t.path("frustrationLastMean").asDouble() == scores.getLast());

        assertThat(total.get("frustrationFirstMean").asDouble())
                .isEqualTo(scores.getFirst().doubleValue());
        assertThat(total.get("frustrationLastMean").asDouble())
                .isEqualTo(scores.getLast().doubleValue());
        assertThat(total.get("endedCalmer").asLong()).isEqualTo(1);
        assertThat(total.get("endedMoreFrustrated").asLong()).isZero();

        var csv = supervisor.api().get("/api/v1/reports/metrics/csv?" + days() + "&team=" + team);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        var lines = csv.text().split("\r\n");
        var header = Arrays.asList(lines[0].split(","));
        var totals = lines[lines.length - 1].split(",", -1);
        assertThat(totals[0]).isEqualTo("total");
        assertThat(totals[header.indexOf("frustration_scored_cases")]).isEqualTo("1");
        assertThat(Double.parseDouble(totals[header.indexOf("frustration_first_mean")]))
                .isEqualTo(scores.getFirst().doubleValue());
        assertThat(Double.parseDouble(totals[header.indexOf("frustration_last_mean")]))
                .isEqualTo(scores.getLast().doubleValue());
        assertThat(totals[header.indexOf("cases_ended_calmer")]).isEqualTo("1");
        assertThat(totals[header.indexOf("cases_ended_more_frustrated")]).isEqualTo("0");

        assertRebuildGivesTheSameFigures(supervisor.api(), team);
    }

    @Test
    void aHeatedCaseASupervisorJoinedTwelveMinutesLaterAndOneNobodyJoinedAreCounted() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var joined = customerOpens(agent.api(), team, "Get me your manager. NOW. I have waited long enough.");
        var unjoined = customerOpens(agent.api(), team, "I want to speak to a supervisor, NOW!!!");
        for (var kase : List.of(joined, unjoined)) {
            await().atMost(WAIT)
                    .until(() -> agent.api()
                            .get("/api/v1/cases/" + kase + "/frustration")
                            .json()
                            .get("heated")
                            .asBoolean());
        }
        var request = await().atMost(WAIT).until(() -> requestOf(supervisor.api(), joined), r -> r != null);

        TestClock.INSTANCE.advance(Duration.ofMinutes(12));
        var taken = supervisor.api().post("/api/v1/routing/supervisor-requests/" + request + "/take", null);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);

        var total = await().atMost(WAIT)
                .until(
                        () -> total(supervisor.api(), team),
                        t -> t.get("heated").asLong() == 2
                                && t.path("supervisorJoinMedian").isNumber());

        assertThat(total.get("supervisorJoinMedian").asDouble()).isCloseTo(720.0, within(SLACK));
        assertThat(total.get("supervisorJoinP90").asDouble()).isCloseTo(720.0, within(SLACK));
        assertThat(total.get("heatedWithoutSupervisor").asLong()).isEqualTo(1);
        var page = WebSession.anonymous(port)
                .signIn(supervisor.email(), PASSWORD)
                .get("/reports?" + days() + "&team=" + team)
                .html();
        assertThat(page.select("#report-table thead th").eachText()).contains("Heated to supervisor joining, median");
        assertThat(page.select("#report-table tfoot td.heated").text()).isEqualTo("2");
        assertThat(page.select("#report-table tfoot td.supervisor-join-median").text())
                .isEqualTo("12 min");
        assertThat(page.select("#report-table tfoot td.heated-unjoined").text()).isEqualTo("1");

        assertRebuildGivesTheSameFigures(supervisor.api(), team);
    }

    /** The team's facts forgotten and worked out again by an admin's rebuild of their days: the same figures. */
    private void assertRebuildGivesTheSameFigures(Api as, UUID team) {
        var before =
                as.get("/api/v1/reports/metrics?" + days() + "&team=" + team).json();
        // Only the days the team's cases were created on, so the rebuild leaves other tests' cases alone.
        var days = jdbc.sql("select min(created_day), max(created_day) from reports.case_fact where team_id = :team")
                .param("team", team)
                .query((rs, n) -> Map.of("from", rs.getString(1), "to", rs.getString(2)))
                .single();
        jdbc.sql("delete from reports.case_moment where team_id = :team")
                .param("team", team)
                .update();
        jdbc.sql("delete from reports.case_fact where team_id = :team")
                .param("team", team)
                .update();
        assertThat(total(as, team).get("created").asLong()).isZero();

        var rebuilt = admin().post("/api/v1/reports/rebuild", days);

        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(as.get("/api/v1/reports/metrics?" + days() + "&team=" + team).json())
                .isEqualTo(before);
    }

    private static void customerWrites(Api as, UUID kase, String body) {
        var received = as.post("/api/v1/cases/" + kase + "/messages", Map.of("body", body));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
    }

    private static UUID customerOpens(Api as, UUID team, String body) {
        var created = as.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        "Refund " + UUID.randomUUID(),
                        "teamId",
                        team,
                        "requester",
                        Map.of("email", "customer-" + UUID.randomUUID() + "@example.com", "name", "Maria Lopez"),
                        "message",
                        Map.of("body", body)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static List<Integer> scores(Api as, UUID kase) {
        return as.get("/api/v1/cases/" + kase + "/frustration")
                .json()
                .get("messages")
                .valueStream()
                .map(m -> m.get("frustration").get("score").asInt())
                .toList();
    }

    private static String requestOf(Api supervisor, UUID kase) {
        return supervisor
                .get("/api/v1/routing/supervisor-requests")
                .json()
                .valueStream()
                .filter(r -> r.get("caseId").asString().equals(kase.toString()))
                .map(r -> r.get("id").asString())
                .findFirst()
                .orElse(null);
    }

    private JsonNode total(Api as, UUID team) {
        var report = as.get("/api/v1/reports/metrics?" + days() + "&team=" + team);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json().get("total");
    }

    /** Around today, whatever the desk's zone and however far the test moved the clock. */
    private String days() {
        var today = reports.today();
        return "period=day&from=" + today.minusDays(2) + "&to=" + today.plusDays(2);
    }
}
