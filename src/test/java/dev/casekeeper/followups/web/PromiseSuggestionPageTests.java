package dev.casekeeper.followups.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The composer's promise suggestion as the page asks for it, and who may ask. */
class PromiseSuggestionPageTests extends ApiTestBase {

    // The application's clock: the shared TestClock is the clock only of the tests that move time.
    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void offersThePromiseAndRecordsItWithOneClick() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID caseId = SlaFixture.openCase(agent.api(), team, "Return: blue socks");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + number);

        var offered = browser.postPart(
                "/cases/" + number + "/promises/suggestion",
                Map.of("body", "We will send the tracking number by 3 pm.", "zone", "Europe/Berlin"));

        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        var form = offered.html().selectFirst("form.promise-suggestion-form");
        assertThat(form).isNotNull();
        assertThat(form.selectFirst("input[name=text]").val()).isEqualTo("We will send the tracking number by 3 pm.");

        var recorded = browser.postPart(
                "/cases/" + number + "/promises/suggested",
                Map.of(
                        "text",
                        "We will send the tracking number by 3 pm.",
                        "dueAt",
                        form.selectFirst("input[name=dueAt]").val()));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.header("HX-Trigger")).isEqualTo("case-changed-" + number);
        assertThat(recorded.html().getElementById("promise-suggestion-recorded"))
                .isNotNull();
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId + "/followups")
                        .json()
                        .get("followups")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("We will send the tracking number by 3 pm.");
    }

    @Test
    void offersNothingForADraftThatPromisesNothingAndRefusesATimeThatPassed() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID caseId = SlaFixture.openCase(agent.api(), team, "Socks");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + number);

        var offered = browser.postPart(
                "/cases/" + number + "/promises/suggestion", Map.of("body", "Thanks for your patience."));
        assertThat(offered.status()).isEqualTo(200);
        assertThat(offered.html().select("form")).isEmpty();

        var late = browser.postPart(
                "/cases/" + number + "/promises/suggested",
                Map.of(
                        "text",
                        "I'll call you",
                        "dueAt",
                        clock.instant().minus(Duration.ofHours(1)).toString()));
        assertThat(late.status()).isEqualTo(422);
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId + "/followups")
                        .json()
                        .get("followups")
                        .size())
                .isZero();
    }

    @Test
    void anAgentOutsideTheTeamIsRefusedBoth() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        UUID caseId = SlaFixture.openCase(agent.api(), team, "Socks");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var outsider = newAgent("agent", newTeam());
        var other = WebSession.anonymous(port).signIn(outsider.email(), PASSWORD);
        // A page of their own first, for the form token every post carries.
        other.get("/");

        assertThat(other.postPart(
                                "/cases/" + number + "/promises/suggestion",
                                Map.of("body", "I'll call you tomorrow at 10:00."))
                        .status())
                .isEqualTo(404);
        assertThat(other.postPart(
                                "/cases/" + number + "/promises/suggested",
                                Map.of(
                                        "text",
                                        "I'll call you",
                                        "dueAt",
                                        clock.instant().plus(Duration.ofDays(1)).toString()))
                        .status())
                .isEqualTo(404);
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId + "/followups")
                        .json()
                        .get("followups")
                        .size())
                .isZero();
    }
}
