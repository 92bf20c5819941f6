package dev.casekeeper.followups.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Promises on the case page against the real database: recorded in the agent's zone, kept and
 * withdrawn in place, in the way of solving, the repeat-contact flag, and refusals that change nothing.
 */
@MovesTime
class CasePromisesPageTests extends ApiTestBase {

    // Only this test's timers come due when it moves time (see MovesTime): they run within a moment; this
    // bound only ends a failing test.
    private static final Duration WAIT = Duration.ofSeconds(60);

    private UUID team;
    private Caller owner;
    private UUID caseId;
    private long number;
    private WebSession browser;

    @BeforeEach
    void anOwnedCase() {
        team = newTeam();
        owner = newAgent("agent", team);
        caseId = SlaFixture.openCase(owner.api(), team, "Return: Nike Elite socks in the wrong colour");
        owner.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", owner.id()));
        number = owner.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        browser = WebSession.anonymous(port).signIn(owner.email(), PASSWORD);
        browser.get("/cases/" + number);
    }

    @Test
    void aPromiseIsRecordedWithItsDueTimeInTheAgentsZone() {
        var due = now(ZoneId.of("Europe/Berlin")).plusDays(2).truncatedTo(ChronoUnit.MINUTES);

        var recorded = browser.postPart(
                "/cases/" + number + "/promises",
                Map.of("text", "Call back about the blue socks", "dueAt", due.toString(), "zone", "Europe/Berlin"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.header("HX-Trigger")).isEqualTo("case-changed-" + number);
        assertThat(recorded.html().select(".promise-open .promise-text").text())
                .isEqualTo("Call back about the blue socks");
        assertThat(recorded.html().select("#promise-text").val())
                .as("the form is empty again")
                .isEmpty();
        var stored = promises().getFirst();
        assertThat(Instant.parse(stored.get("dueAt").asString()))
                .isEqualTo(due.atZone(ZoneId.of("Europe/Berlin")).toInstant());
        assertThat(stored.get("ownerId").asString()).isEqualTo(owner.id().toString());
    }

    @Test
    void aPromiseWithoutTextOrDueTimeIsRefusedBesideTheFieldsAndNothingIsRecorded() {
        var refused = browser.postPart(
                "/cases/" + number + "/promises", Map.of("text", " ", "dueAt", "tomorrow", "zone", "UTC"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#promise-text-error").text())
                .isEqualTo("Say what was promised, in at most 500 characters.");
        assertThat(refused.html().select("#promise-due-error").text()).isEqualTo("Give the date and time it is due.");
        assertThat(refused.html().select("details#promise-new").hasAttr("open")).isTrue();
        assertThat(promises()).isEmpty();
    }

    @Test
    void aPromiseDueInThePastIsRefusedAndKeepsWhatWasTyped() {
        var past = now(ZoneId.of("UTC")).minusHours(3).truncatedTo(ChronoUnit.MINUTES);

        var refused = browser.postPart(
                "/cases/" + number + "/promises",
                Map.of("text", "Send the tracking number", "dueAt", past.toString(), "zone", "UTC"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#promise-due-error").text()).isEqualTo("The due time must be in the future.");
        assertThat(refused.html().select("#promise-text").val()).isEqualTo("Send the tracking number");
        assertThat(promises()).isEmpty();
    }

    @Test
    void aPromiseDueAfterTheYear9999IsRefusedBesideTheField() {
        var refused = browser.postPart(
                "/cases/" + number + "/promises",
                Map.of("text", "Send the tracking number", "dueAt", "+999999999-12-31T23:59", "zone", "UTC"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#promise-due-error").text())
                .isEqualTo("Give a due date between 1970 and 9999.");
        assertThat(refused.html().select("#promise-text").val()).isEqualTo("Send the tracking number");
        assertThat(promises()).isEmpty();
    }

    @Test
    void solvingWithAnOpenPromiseIsRefusedNamingThePromiseAndKeepingItLetsTheCaseBeSolved() {
        String promiseId = promise("Email the tracking number <b>today</b>");

        var refused = browser.postPart(
                "/cases/" + number + "/changes", Map.of("status", "solved", "priority", "normal", "tags", ""));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#change-form .form-error").text())
                .contains("while the promise \"Email the tracking number <b>today</b>\"");
        assertThat(caseJson().get("status").asString()).isNotEqualTo("solved");

        var blank = browser.postPart("/cases/" + number + "/promises/" + promiseId + "/keep", Map.of("note", ""));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.html()
                        .select("#promise-" + promiseId + " .field-error")
                        .text())
                .isEqualTo("Say what was done.");
        assertThat(promises().getFirst().get("state").asString()).isEqualTo("open");

        var kept = browser.postPart(
                "/cases/" + number + "/promises/" + promiseId + "/keep", Map.of("note", "Sent DHL 00340434"));
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.html()
                        .select("#promise-" + promiseId + " .promise-outcome")
                        .text())
                .contains("Sent DHL 00340434");
        assertThat(kept.html().select("#promise-" + promiseId + " .badge").text())
                .isEqualTo("Kept");

        owner.api().post("/api/v1/cases/" + caseId + "/replies", Map.of("body", "Tracking: DHL 00340434"));
        var solved = browser.postPart(
                "/cases/" + number + "/changes", Map.of("status", "solved", "priority", "normal", "tags", ""));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
    }

    @Test
    void aWithdrawnPromiseShowsItsReasonToTheTeam() {
        String promiseId = promise("Call back on Tuesday");
        var colleague = newAgent("agent", team);
        var other = WebSession.anonymous(port).signIn(colleague.email(), PASSWORD);
        other.get("/cases/" + number);

        var withdrawn = other.postPart(
                "/cases/" + number + "/promises/" + promiseId + "/withdraw",
                Map.of("reason", "Customer asked for email instead"));

        assertThat(withdrawn.status()).isEqualTo(200);
        var panel = browser.getPart("/cases/" + number + "/followups").html();
        assertThat(panel.select("#promise-" + promiseId + " .badge").text()).isEqualTo("Withdrawn");
        assertThat(panel.select("#promise-" + promiseId + " .promise-outcome").text())
                .contains("Customer asked for email instead");
        assertThat(panel.select("#promise-" + promiseId + " form")).isEmpty();
    }

    @Test
    void anOverduePromiseIsMarked() {
        String promiseId = promise("Call back within the hour");

        TestClock.INSTANCE.advance(Duration.ofDays(3));

        var panel = browser.getPart("/cases/" + number + "/followups").html();
        assertThat(panel.select("#promise-" + promiseId).hasClass("promise-overdue"))
                .isTrue();
        assertThat(panel.select("#promise-" + promiseId + " .promise-badge-overdue")
                        .text())
                .isEqualTo("Overdue");
    }

    @Test
    void aCustomerWritingAgainSoonAfterSolvingShowsTheRepeatContactFlagLinkingTheEarlierCase() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        var earlier = SlaFixture.openCase(owner.api(), team, "Socks, first time", email);
        owner.api().post("/api/v1/cases/" + earlier + "/assignment", Map.of("ownerId", owner.id()));
        owner.api().post("/api/v1/cases/" + earlier + "/replies", Map.of("body", "The blue ones ship today."));
        assertThat(owner.api()
                        .patch("/api/v1/cases/" + earlier, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        long earlierNumber =
                owner.api().get("/api/v1/cases/" + earlier).json().get("number").asLong();

        var again = SlaFixture.openCase(owner.api(), team, "Socks again", email);
        long againNumber =
                owner.api().get("/api/v1/cases/" + again).json().get("number").asLong();

        await().atMost(WAIT).untilAsserted(() -> {
            var flag = browser.getPart("/cases/" + againNumber + "/followups")
                    .html()
                    .select("#repeat-contact");
            assertThat(flag.text()).contains("Repeat contact", "#" + earlierNumber);
            assertThat(flag.select("a").attr("href")).isEqualTo("/cases/" + earlierNumber);
        });
    }

    @Test
    void anEarlierCaseOfAnotherTeamIsShownOnlyAsSolvedByAnotherTeamWithoutItsNumberOrALink() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        var otherTeam = newTeam();
        var otherAgent = newAgent("agent", otherTeam);
        var earlier = SlaFixture.openCase(otherAgent.api(), otherTeam, "Socks, first time", email);
        otherAgent.api().post("/api/v1/cases/" + earlier + "/assignment", Map.of("ownerId", otherAgent.id()));
        otherAgent.api().post("/api/v1/cases/" + earlier + "/replies", Map.of("body", "The blue ones ship today."));
        assertThat(otherAgent
                        .api()
                        .patch("/api/v1/cases/" + earlier, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        long earlierNumber = otherAgent
                .api()
                .get("/api/v1/cases/" + earlier)
                .json()
                .get("number")
                .asLong();

        var again = SlaFixture.openCase(owner.api(), team, "Socks again", email);
        long againNumber =
                owner.api().get("/api/v1/cases/" + again).json().get("number").asLong();

        await().atMost(WAIT).untilAsserted(() -> {
            var panel = browser.getPart("/cases/" + againNumber + "/followups").html();
            var flag = panel.select("#repeat-contact");
            assertThat(flag.text()).contains("Repeat contact", "by another team");
            assertThat(flag.select("a")).isEmpty();
            assertThat(panel.html()).doesNotContain("#" + earlierNumber, "/cases/" + earlierNumber, earlier.toString());
        });
        assertThat(browser.getPart("/cases/" + earlierNumber).status()).isEqualTo(404);
    }

    @Test
    void anAgentOfAnotherTeamCanNeitherSeeNorRecordPromises() {
        var stranger = newAgent("agent", newTeam());
        var other = WebSession.anonymous(port).signIn(stranger.email(), PASSWORD);
        other.get("/");

        assertThat(other.getPart("/cases/" + number + "/followups").status()).isEqualTo(404);
        var refused = other.postPart(
                "/cases/" + number + "/promises",
                Map.of(
                        "text",
                        "Sneaky",
                        "dueAt",
                        now(ZoneId.of("UTC"))
                                .plusDays(1)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString(),
                        "zone",
                        "UTC"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(promises()).isEmpty();
    }

    @Test
    void withoutScriptARecordedPromiseLeadsBackToTheCaseAndARefusalShowsAPageWithTheErrors() {
        var due = now(ZoneId.of("UTC")).plusDays(1).truncatedTo(ChronoUnit.MINUTES);

        var done = browser.post("/cases/" + number + "/promises", Map.of("text", "Call back", "dueAt", due.toString()));
        var refused = browser.post("/cases/" + number + "/promises", Map.of("text", "", "dueAt", due.toString()));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/cases/" + number);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#promise-text-error").text()).isNotEmpty();
        assertThat(promises()).hasSize(1);
    }

    private String promise(String text) {
        var due = now(ZoneId.of("UTC")).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        var recorded = browser.postPart(
                "/cases/" + number + "/promises", Map.of("text", text, "dueAt", due.toString(), "zone", "UTC"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        return promises().stream()
                .filter(p -> p.get("text").asString().equals(text))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private List<JsonNode> promises() {
        return admin().get("/api/v1/cases/" + caseId + "/followups")
                .json()
                .get("followups")
                .valueStream()
                .toList();
    }

    private JsonNode caseJson() {
        return admin().get("/api/v1/cases/" + caseId).json();
    }

    /** Now as the application sees it: other tests move its clock forward. */
    private static LocalDateTime now(ZoneId zone) {
        return LocalDateTime.ofInstant(TestClock.INSTANCE.instant(), zone);
    }
}
