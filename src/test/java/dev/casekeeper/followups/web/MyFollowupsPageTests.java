package dev.casekeeper.followups.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "My follow-ups" against the real database: the agent's own open promises, overdue first and marked. */
@MovesTime
class MyFollowupsPageTests extends ApiTestBase {

    private UUID team;
    private Caller owner;
    private UUID caseId;
    private long number;

    @BeforeEach
    void anOwnedCase() {
        team = newTeam();
        owner = newAgent("agent", team);
        caseId = SlaFixture.openCase(owner.api(), team, "Return: Nike Elite socks in the wrong colour");
        owner.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", owner.id()));
        number = owner.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
    }

    @Test
    void listsTheAgentsOpenPromisesOverdueFirstAndMarkedEachLinkingToItsCase() {
        promise(owner, caseId, "Send the label for the return", Duration.ofDays(3));
        promise(owner, caseId, "Call back about the colour", Duration.ofHours(1));
        var kept = promise(owner, caseId, "Already done", Duration.ofDays(1));
        owner.api().post("/api/v1/followups/" + kept + "/keep", Map.of("note", "done"));
        TestClock.INSTANCE.advance(Duration.ofHours(2));
        var browser = WebSession.anonymous(port).signIn(owner.email(), PASSWORD);

        var page = browser.get("/followups");

        assertThat(page.status()).isEqualTo(200);
        var items = page.html().select(".followup-list .followup");
        assertThat(items.eachText()).hasSize(2);
        assertThat(items.get(0).select(".promise-text").text()).isEqualTo("Call back about the colour");
        assertThat(items.get(0).hasClass("followup-overdue")).isTrue();
        assertThat(items.get(0).select(".badge").text()).isEqualTo("Overdue");
        assertThat(items.get(1).select(".promise-text").text()).isEqualTo("Send the label for the return");
        assertThat(items.get(1).hasClass("followup-overdue")).isFalse();
        assertThat(items.get(1).select("a.followup-case").attr("href")).isEqualTo("/cases/" + number);
        assertThat(page.html().select("#followups-overdue").text()).isEqualTo("One follow-up is overdue.");
        assertThat(page.html().select("#view-followups").hasClass("active")).isTrue();
    }

    @Test
    void aCheckInAfterSolvingShowsAmongTheOwnersFollowUps() {
        var checkinTeam = newTeam();
        var agent = newAgent("agent", checkinTeam);
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), checkinTeam, false, 1);
        var solved = SlaFixture.openCase(agent.api(), checkinTeam, "Socks to check on");
        agent.api().post("/api/v1/cases/" + solved + "/assignment", Map.of("ownerId", agent.id()));
        agent.api().post("/api/v1/cases/" + solved + "/replies", Map.of("body", "The blue ones ship today."));
        assertThat(agent.api()
                        .patch("/api/v1/cases/" + solved, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        TestClock.INSTANCE.advance(Duration.ofDays(2));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var item = browser.get("/followups").html().selectFirst(".followup-checkin");
            assertThat(item).isNotNull();
            assertThat(item.select("a.followup-case").text()).contains("Socks to check on");
        });
    }

    @Test
    void anAgentSeesOnlyTheirOwnFollowUps() {
        promise(owner, caseId, "Owner's promise", Duration.ofDays(1));
        var colleague = newAgent("agent", team);
        var browser = WebSession.anonymous(port).signIn(colleague.email(), PASSWORD);

        var page = browser.get("/followups");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select(".followup")).isEmpty();
        assertThat(page.html().select(".empty").text()).startsWith("No open promises");
    }

    @Test
    void theWorkspaceNavigationLinksToMyFollowUps() {
        var browser = WebSession.anonymous(port).signIn(owner.email(), PASSWORD);

        var nav = browser.getPart("/views/counts?current=followups").html();

        assertThat(nav.select("#view-followups").attr("href")).isEqualTo("/followups");
        assertThat(nav.select("#view-followups").hasClass("active")).isTrue();
        assertThat(browser.get("/").html().select("#view-followups").hasClass("active"))
                .isFalse();
    }

    @Test
    void someoneSignedOutIsSentToTheSignInForm() {
        var page = WebSession.anonymous(port).get("/followups");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    private String promise(Caller as, UUID kase, String text, Duration dueIn) {
        var created = as.api()
                .post(
                        "/api/v1/cases/" + kase + "/promises",
                        Map.of(
                                "text",
                                text,
                                "dueAt",
                                TestClock.INSTANCE.instant().plus(dueIn).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
