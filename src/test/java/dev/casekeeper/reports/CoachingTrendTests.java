package dev.casekeeper.reports;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coaching trend: the practice scorecard per week, for an agent and for a team's agents
 * together, on a small scripted desk moved a week through time, against figures worked out by hand;
 * and who may see which trend.
 */
@MovesTime
class CoachingTrendTests extends ApiTestBase {

    /** Two tone findings (a flat refusal and condescension), as the tone checker reads it. */
    private static final String RUDE = "We're not taking that junk back!";

    private static final String POLITE = "Thank you for your patience. I have sent you a new activation key.";

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseManagement cases;

    @Autowired
    Reports reports;

    @Test
    void showsEachWeeksPracticesForTheAgentAndTheTeam() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var ana = newAgent("agent", team);
        var bo = newAgent("agent", team);
        assertThat(ana.api()
                        .post("/api/v1/assist/tone", Map.of("text", POLITE))
                        .json()
                        .get("findings"))
                .isEmpty();
        var firstWeek = Period.WEEK.start(reports.today());

        // The first week: one rude reply, one promise kept on time, one review at 58.8 %.
        var first = ownedCase(team, ana.id(), "Technician three hours late");
        reply(ana.api(), first, RUDE);
        var promise = ana.api()
                .post(
                        "/api/v1/cases/" + first + "/promises",
                        Map.of(
                                "text",
                                "I will call you back",
                                "dueAt",
                                TestClock.INSTANCE.instant().plusSeconds(3600).toString()));
        assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
        var kept = ana.api()
                .post(
                        "/api/v1/followups/" + promise.json().get("id").asString() + "/keep",
                        Map.of("note", "Called back."));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        review(supervisor.api(), first, 5, 4, 3, 1);
        await().until(() -> checkedReplies(ana.id()) == 1);

        // The next week: a rude and a polite reply of Ana's, one rude of Bo's, a review at 75 %.
        TestClock.INSTANCE.advance(Duration.ofDays(7));
        var second = ownedCase(team, ana.id(), "Invoice sent twice");
        reply(ana.api(), second, RUDE);
        reply(ana.api(), second, POLITE);
        reply(bo.api(), ownedCase(team, bo.id(), "Parcel never arrived"), RUDE);
        review(supervisor.api(), second, 4, 4, 4, 4);
        await().until(() -> checkedReplies(ana.id()) == 3 && checkedReplies(bo.id()) == 1);

        String range = "from=" + firstWeek + "&to=" + firstWeek.plusDays(13);
        var own = ana.api().get("/api/v1/qa/trend?" + range).json();
        assertThat(own.get("agentId").asString()).isEqualTo(ana.id().toString());
        assertThat(own.get("period").asString()).isEqualTo("week");
        var rows = own.get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("period").asString()).isEqualTo(firstWeek.toString());
        // 2 findings in 1 reply; then 2 findings in 2 replies.
        assertThat(rows.get(0).get("checkedReplies").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("toneFindingsPer100Replies").asDouble()).isEqualTo(200.0);
        assertThat(rows.get(1).get("checkedReplies").asLong()).isEqualTo(2);
        assertThat(rows.get(1).get("toneFindingsPer100Replies").asDouble()).isEqualTo(100.0);
        // (25 × 100 + 25 × 75 + 30 × 50 + 20 × 0) / 100, then every criterion at 4 of 5.
        assertThat(rows.get(0).get("reviews").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("averageScore").asDouble()).isEqualTo(58.8);
        assertThat(rows.get(1).get("averageScore").asDouble()).isEqualTo(75.0);
        assertThat(rows.get(0).get("promises").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("promisesKeptOnTime").asLong()).isEqualTo(1);
        assertThat(rows.get(1).get("promises").asLong()).isZero();
        assertThat(rows.get(1).get("promisesKeptShare").isNull()).isTrue();

        var ofTeam = supervisor
                .api()
                .get("/api/v1/qa/trend?" + range + "&team=" + team)
                .json();
        assertThat(ofTeam.get("teamId").asString()).isEqualTo(team.toString());
        // Ana's and Bo's replies together: 4 findings in 3 replies the second week.
        assertThat(ofTeam.get("rows").get(1).get("checkedReplies").asLong()).isEqualTo(3);
        assertThat(ofTeam.get("rows").get(1).get("toneFindingsPer100Replies").asDouble())
                .isEqualTo(133.3);
        assertThat(ofTeam.get("rows").get(1).get("reviews").asLong()).isEqualTo(1);
        assertThat(supervisor
                        .api()
                        .get("/api/v1/qa/trend?" + range + "&agent=" + bo.id())
                        .json()
                        .get("rows")
                        .get(1)
                        .get("toneFindingsPer100Replies")
                        .asDouble())
                .isEqualTo(200.0);

        var page = WebSession.anonymous(port)
                .signIn(supervisor.email(), PASSWORD)
                .get("/coaching?team=" + team + "&" + range);
        assertThat(page.status()).isEqualTo(200);
        var html = page.html();
        assertThat(html.select("#team-trend-table tbody tr")).hasSize(2);
        assertThat(html.select("#team-trend-table tbody tr")
                        .get(1)
                        .select(".trend-tone")
                        .text())
                .startsWith("133.3");
        assertThat(html.select("#team-trend figure.report-chart")).hasSize(2);
        assertThat(html.select("#chart-team-trend-practices svg title").text()).isNotBlank();
        var agentsPage =
                WebSession.anonymous(port).signIn(ana.email(), PASSWORD).get("/coaching?" + range);
        assertThat(agentsPage
                        .html()
                        .select("#own-trend-table tbody tr .trend-score")
                        .eachText())
                .containsExactly("58.8 %", "75 %");
        assertThat(agentsPage.html().select("#team-trend")).isEmpty();

        // The same figures as CSV, linked under each chart: counts beside their shares, a share left
        // empty where there was nothing to share (no promise, no hold).
        assertThat(html.select("#team-trend figure.report-chart a.csv-link").eachAttr("href"))
                .hasSize(2)
                .allMatch(href -> href.equals("/api/v1/qa/trend/csv?" + range + "&period=week&team=" + team));
        var teamCsv = supervisor.api().get("/api/v1/qa/trend/csv?" + range + "&team=" + team);
        assertThat(teamCsv.status()).as(teamCsv.toString()).isEqualTo(200);
        assertThat(teamCsv.header("Content-Type")).startsWith("text/csv");
        assertThat(teamCsv.header("Content-Disposition"))
                .contains("casekeeper-coaching-trend-" + firstWeek + "-" + firstWeek.plusDays(13) + "-week.csv");
        assertThat(teamCsv.text().split("\r\n", -1))
                .containsExactly(
                        "period,reviews,review_score_mean_percent,checked_replies,tone_findings,"
                                + "tone_findings_per_100_replies,promises,promises_kept_on_time,promises_kept_share,"
                                + "holds,holds_within_limit,holds_within_limit_share",
                        firstWeek + ",1,58.800,1,2,200.000,1,1,1.000,0,0,",
                        firstWeek.plusDays(7) + ",1,75.000,3,4,133.300,0,0,,0,0,",
                        "");
        assertThat(ana.api().get("/api/v1/qa/trend/csv?" + range).text().split("\r\n"))
                .containsExactly(
                        "period,reviews,review_score_mean_percent,checked_replies,tone_findings,"
                                + "tone_findings_per_100_replies,promises,promises_kept_on_time,promises_kept_share,"
                                + "holds,holds_within_limit,holds_within_limit_share",
                        firstWeek + ",1,58.800,1,2,200.000,1,1,1.000,0,0,",
                        firstWeek.plusDays(7) + ",1,75.000,2,2,100.000,0,0,,0,0,");
    }

    @Test
    void agentsSeeTheirOwnTrendSupervisorsTheirTeamsAndAdminsAll() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);
        var ana = newAgent("agent", team);
        var bo = newAgent("agent", team);
        var stranger = newAgent("supervisor", newTeam());

        assertThat(ana.api().get("/api/v1/qa/trend").json().get("agentId").asString())
                .isEqualTo(ana.id().toString());
        assertProblem(ana.api().get("/api/v1/qa/trend?agent=" + bo.id()), 403, "forbidden");
        assertProblem(ana.api().get("/api/v1/qa/trend?team=" + team), 403, "forbidden");
        assertProblem(stranger.api().get("/api/v1/qa/trend?team=" + team), 403, "forbidden");
        assertProblem(stranger.api().get("/api/v1/qa/trend?agent=" + ana.id()), 403, "forbidden");
        assertThat(supervisor.api().get("/api/v1/qa/trend?agent=" + ana.id()).status())
                .isEqualTo(200);
        assertThat(admin().get("/api/v1/qa/trend?team=" + team).status()).isEqualTo(200);
        // Its CSV by the same rules.
        assertProblem(ana.api().get("/api/v1/qa/trend/csv?agent=" + bo.id()), 403, "forbidden");
        assertProblem(ana.api().get("/api/v1/qa/trend/csv?team=" + team), 403, "forbidden");
        assertProblem(stranger.api().get("/api/v1/qa/trend/csv?team=" + team), 403, "forbidden");
        assertThat(ana.api().get("/api/v1/qa/trend/csv").status()).isEqualTo(200);
        assertThat(supervisor
                        .api()
                        .get("/api/v1/qa/trend/csv?agent=" + ana.id())
                        .status())
                .isEqualTo(200);
        assertThat(admin().get("/api/v1/qa/trend/csv?team=" + team).status()).isEqualTo(200);
        assertProblem(supervisor.api().get("/api/v1/qa/trend/csv?period=day&agent=" + ana.id()), 400, "invalid-input");
        // Twelve weeks by default, the last one this week.
        var rows = ana.api().get("/api/v1/qa/trend").json().get("rows");
        assertThat(rows.size()).isBetween(12, 13);
        assertThat(LocalDate.parse(rows.get(rows.size() - 1).get("period").asString()))
                .isEqualTo(Period.WEEK.start(reports.today()));

        var bad =
                supervisor.api().get("/api/v1/qa/trend?period=day&from=2026-02-30&agent=" + ana.id() + "&team=" + team);
        assertProblem(bad, 400, "invalid-input");
        assertThat(fieldsNamed(bad)).containsExactlyInAnyOrder("period", "from", "team");
        var page = WebSession.anonymous(port).signIn(ana.email(), PASSWORD).get("/coaching?period=year");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html().text()).contains("period must be week or month");
    }

    private long checkedReplies(UUID agent) {
        return admin().get("/api/v1/assist/coaching?agentId=" + agent)
                .json()
                .get("checkedReplies")
                .asLong();
    }

    private void reply(Api as, UUID kase, String body) {
        var reply = as.post("/api/v1/cases/" + kase + "/replies", Map.of("body", body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private void review(Api as, UUID kase, int neverPersonal, int listening, int owning, int closing) {
        var review = as.post(
                "/api/v1/qa/reviews",
                Map.of(
                        "caseId",
                        kase,
                        "scores",
                        Map.of(
                                "never_personal", neverPersonal,
                                "active_listening", listening,
                                "own_the_problem", owning,
                                "closing", closing),
                        "summary",
                        "Reviewed for the trend.",
                        "comments",
                        List.of()));
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
    }

    private UUID ownedCase(UUID team, UUID owner, String subject) {
        var kase = openCase(admin(), team, subject);
        var admin = agents.signedIn(agents.list().stream()
                        .filter(a -> a.role() == Role.ADMIN)
                        .findFirst()
                        .orElseThrow()
                        .id())
                .orElseThrow();
        cases.assign(new CaseId(kase), new AgentId(owner), admin);
        return kase;
    }
}
