package dev.casekeeper.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SLA panel of the case page against the real database: each target in words and colour, and who may see it. */
@MovesTime
class SlaPanelPageTests extends ApiTestBase {

    // Only this test's timers come due when it moves time (see MovesTime): they run within a moment; this
    // bound only ends a failing test.
    private static final Duration WAIT = Duration.ofSeconds(60);

    private UUID team;
    private Caller agent;
    private WebSession browser;
    private long number;

    @BeforeEach
    void aCaseUnderAnAroundTheClockPolicy() {
        team = newTeam();
        agent = newAgent("agent", team);
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), team, true, null);
        var id = SlaFixture.openCase(agent.api(), team, "Wrong colour socks");
        number = agent.api().get("/api/v1/cases/" + id).json().get("number").asLong();
        browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
    }

    @Test
    void theCasePageLoadsThePanelWhichShowsEachRunningTargetWithTheTimeLeft() {
        var page = browser.get("/cases/" + number).html();
        assertThat(page.select("#sla-panel").attr("hx-get")).isEqualTo("/cases/" + number + "/sla");

        await().atMost(WAIT).untilAsserted(() -> {
            var first = clock("first_response");
            assertThat(first.select(".sla-target").text()).isEqualTo("First response");
            assertThat(first.select(".sla-badge").text()).isEqualTo("On track");
            assertThat(first.select(".sla-time").text()).matches("\\d+ min left|1 h 0 min left");
            assertThat(first.hasClass("sla-running")).isTrue();
            assertThat(clock("resolution").select(".sla-time").text()).endsWith("left");
        });
        assertThat(panel().select(".sla-policy").text()).startsWith("Policy Team policy");
        assertThat(panel().attr("hx-trigger")).contains("case-changed-" + number);
    }

    @Test
    void aTargetPastTheWarningShareIsShownWarnedAndAMissedOneBreachedAndHowFarOverdue() {
        await().atMost(WAIT)
                .until(() -> !panel().select("[data-target=first_response]").isEmpty());

        TestClock.INSTANCE.advance(Duration.ofMinutes(50));

        await().atMost(WAIT).untilAsserted(() -> {
            var first = clock("first_response");
            assertThat(first.select(".sla-badge").text()).isEqualTo("Warning");
            assertThat(first.select(".sla-time").text()).endsWith("left");
            assertThat(first.hasClass("sla-warned")).isTrue();
        });

        TestClock.INSTANCE.advance(Duration.ofMinutes(25));

        await().atMost(WAIT).untilAsserted(() -> {
            var first = clock("first_response");
            assertThat(first.select(".sla-badge").text()).isEqualTo("Breached");
            assertThat(first.select(".sla-time").text()).startsWith("Overdue by");
            assertThat(first.hasClass("sla-breached")).isTrue();
        });
    }

    @Test
    void aPendingCaseShowsResolutionPaused() {
        var id = admin().get("/api/v1/cases?q=" + number)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        agent.api().patch("/api/v1/cases/" + id, java.util.Map.of("status", "pending"));

        await().atMost(WAIT).untilAsserted(() -> {
            var resolution = clock("resolution");
            assertThat(resolution.select(".sla-badge").text()).isEqualTo("Paused");
            assertThat(resolution.select(".sla-time").text()).startsWith("Paused with");
        });
    }

    @Test
    void anAgentOfAnotherTeamIsRefusedThePanel() {
        var stranger = newAgent("agent", newTeam());
        var other = WebSession.anonymous(port).signIn(stranger.email(), PASSWORD);

        var refused = other.getPart("/cases/" + number + "/sla");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text()).doesNotContain("First response");
    }

    private Element panel() {
        var part = browser.getPart("/cases/" + number + "/sla");
        assertThat(part.status()).as(part.toString()).isEqualTo(200);
        return part.html().selectFirst("#sla-panel");
    }

    private Element clock(String target) {
        var clock = panel().selectFirst("[data-target=" + target + "]");
        assertThat(clock).as(target).isNotNull();
        return clock;
    }
}
