package dev.casekeeper.callbacks.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The callback task on the pages: waiting in the team's queue on the Callbacks page, taken there,
 * then in the agent's My follow-ups with its window, on the supervisors' live queues page, and done
 * with its outcome on the Callbacks page, which lets the case be solved.
 */
class CallbacksPageTests extends ApiTestBase {

    @Autowired
    Clock clock;

    private UUID team;
    private Caller agent;
    private Caller supervisor;
    private UUID caseId;
    private long number;

    @BeforeEach
    void theCustomerHungUpOnHoldAndLeftHerNumber() {
        team = newTeam();
        agent = newAgent("agent", team);
        supervisor = newAgent("supervisor", team);
        caseId = SlaFixture.openCase(agent.api(), team, "On hold until she hung up");
        number = agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var contact = agent.api()
                .post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"))
                .json()
                .get("id")
                .asString();
        agent.api()
                .post(
                        "/api/v1/routing/contacts/" + contact + "/abandonment",
                        Map.of("callbackPhone", "+44 20 7946 0018"));
    }

    @Test
    void anAgentTakesTheTeamsCallbackAndFindsItInMyFollowUpsWithItsWindow() {
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var page = browser.get("/callbacks");
        assertThat(page.status()).isEqualTo(200);
        var queued = page.html().select("#callbacks-queue .followup-callback");
        assertThat(queued.select("a.followup-case").attr("href")).isEqualTo("/cases/" + number);
        assertThat(queued.select(".callback-to").text()).contains("+44 20 7946 0018");
        assertThat(queued.select(".callback-owner").text()).contains("team");
        var id = queued.attr("data-callback");

        var taken = browser.post("/callbacks/" + id + "/take", Map.of());

        assertThat(taken.status()).isEqualTo(302);
        var after = browser.get("/callbacks");
        assertThat(after.html().select("#callbacks-notice").text()).contains("#" + number);
        assertThat(after.html().select("#callbacks-mine [data-callback=" + id + "]"))
                .hasSize(1);
        assertThat(after.html().select("#callbacks-queue [data-callback=" + id + "]"))
                .isEmpty();
        var followups = browser.get("/followups");
        var mine = followups.html().select("#followups-callbacks [data-callback=" + id + "]");
        assertThat(mine).hasSize(1);
        assertThat(mine.select(".callback-window time")).hasSize(2);
        assertThat(mine.select(".callback-owner").text()).contains(nameOf(agent));
    }

    @Test
    void supervisorsSeeEveryOpenCallbackOnTheLiveQueuesPage() {
        var browser = WebSession.anonymous(port).signIn(supervisor.email(), PASSWORD);

        var page = browser.get("/supervisor/queues");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()
                        .select("#callbacks-board .followup-callback a.followup-case[href=/cases/" + number + "]"))
                .hasSize(1);
    }

    @Test
    void doneWithItsOutcomeOnThePageLetsTheCaseBeSolved() {
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        var id = browser.get("/callbacks")
                .html()
                .select("#callbacks-queue .followup-callback")
                .attr("data-callback");
        browser.post("/callbacks/" + id + "/take", Map.of());
        browser.get("/callbacks");
        assertThat(agent.api()
                        .patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                        .status())
                .isEqualTo(409);

        var refused = browser.post("/callbacks/" + id + "/done", Map.of("outcome", "no_answer"));
        assertThat(refused.status()).isEqualTo(302);
        var again = browser.get("/callbacks");
        assertThat(again.html().select("#callbacks-refusal").text()).contains("plan the next try");
        browser.post(
                "/callbacks/" + id + "/done",
                Map.of("outcome", "reached", "note", "Sorry for the hold; refund confirmed"));

        assertThat(browser.get("/callbacks").html().select("#callbacks-notice").text())
                .contains("done");
        assertThat(agent.api()
                        .patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAgentPromisesACallBackFromTheCasePageAndOwnsItWithItsWindow() {
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + number);
        var london = ZoneId.of("Europe/London");
        var from = clock.instant().atZone(london).plusDays(2).withHour(10).truncatedTo(ChronoUnit.HOURS);
        var at = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

        var promised = browser.post(
                "/cases/" + number + "/callbacks",
                Map.of(
                        "phone",
                        "+44 20 7946 0018",
                        "windowFrom",
                        at.format(from),
                        "windowUntil",
                        at.format(from.plusMinutes(30)),
                        "zone",
                        "Europe/London"));

        assertThat(promised.status()).isEqualTo(302);
        var panel = browser.getPart("/cases/" + number + "/callbacks");
        var mine = panel.html().select("#callbacks .followup-callback");
        assertThat(mine.select(".callback-owner").eachText()).anyMatch(t -> t.contains(nameOf(agent)));
        assertThat(mine.select(".callback-from").eachAttr("datetime"))
                .contains(from.toInstant().toString());

        var refused = browser.post(
                "/cases/" + number + "/callbacks",
                Map.of("windowFrom", at.format(from), "windowUntil", at.format(from.plusMinutes(30))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#callback-refusal").text()).contains("phone number or an email");
    }

    private String nameOf(Caller caller) {
        return caller.api().get("/api/v1/agents/me").json().get("name").asString();
    }
}
