package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Assist on the case page, against the real database: the frustration score beside customer
 * messages and the trend, the tone check of a draft, the template offer, and the closing with next
 * steps. Scores are written after the message is stored, so the tests wait for them.
 */
class CaseAssistPageTests extends ApiTestBase {

    private static final String FRUSTRATED = "This is the third time I write. Still NOT working!!! Ridiculous.";
    private static final String BLAMING = "As I already told you, you should have read the manual.";

    private UUID team;
    private Caller agent;
    private WebSession browser;

    @BeforeEach
    void anAgentInATeam() {
        team = newTeam();
        agent = newAgent("agent", team);
        browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
    }

    @Test
    void aFrustratedMessageShowsItsScoreAndReasonsButAgentRepliesHaveNone() {
        var kase = openCase(FRUSTRATED);
        agent.api()
                .post("/api/v1/cases/" + kase.id() + "/replies", Map.of("body", "I'm sorry, I'm looking at it now."));
        awaitScores(kase.id(), 1);

        var page = casePage(kase.number());

        var score = page.select("#timeline .entry-customer .frustration");
        assertThat(score).hasSize(1);
        assertThat(score.hasClass("frustration-frustrated") || score.hasClass("frustration-heated"))
                .isTrue();
        // Its name starts with what it shows, then says what the number is (axe: label-content-name-mismatch).
        assertThat(score.select("summary").text())
                .matches("\\d+ (Frustrated|Heated): frustration score out of 100\\. Show why\\.");
        assertThat(score.select(".frustration-reasons").text()).contains("Capitals", "Punctuation");
        assertThat(page.select("#timeline .entry-reply .frustration")).isEmpty();
        assertThat(page.select("#assist-trend svg.sparkline polyline").attr("points"))
                .isNotBlank();
        assertThat(page.select("#trend-points").text())
                .isEqualTo(score.select(".frustration-score").text());
        // A page that loaded before the score asks for it beside the message.
        String entryId = agent.api()
                .get("/api/v1/cases/" + kase.id() + "/frustration")
                .json()
                .get("messages")
                .get(0)
                .get("entryId")
                .asString();
        var asked = browser.getPart("/cases/" + kase.number() + "/scores/" + entryId + "?attempt=1");
        assertThat(asked.html().select(".frustration summary").text())
                .isEqualTo(score.select("summary").text());
        var unscored = browser.getPart("/cases/" + kase.number() + "/scores/" + UUID.randomUUID() + "?attempt=4");
        assertThat(unscored.html().select(".frustration-pending").attr("hx-get"))
                .endsWith("attempt=5");
        assertThat(browser.getPart("/cases/" + kase.number() + "/scores/" + UUID.randomUUID() + "?attempt=5")
                        .html()
                        .select(".frustration-pending"))
                .as("it stops asking")
                .isEmpty();
    }

    @Test
    void aHeatedCaseIsFlaggedInTheHeader() {
        var kase = openCase("I AM A WOMAN! STOP CHANGING MY GENDER! I want your manager NOW.");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                        .get("/api/v1/cases/" + kase.id() + "/frustration")
                        .json()
                        .get("heated")
                        .asBoolean());

        var page = casePage(kase.number());

        assertThat(page.select("#case-header #heated-flag").text()).isEqualTo("Heated");
        assertThat(page.select("#timeline .entry-customer .frustration-heated")).hasSize(1);
        assertThat(page.select("#hand-to-colleague"))
                .as("the agent can hand the contact to a colleague")
                .hasSize(1);
    }

    @Test
    void aBlamingDraftGetsFindingsWithTheWordsAndARewriteAndACalmOneNone() {
        var kase = openCase("My invoice shows the wrong address.");
        casePage(kase.number());

        var blaming = browser.postPart("/cases/" + kase.number() + "/tone", Map.of("body", BLAMING));
        var calm = browser.postPart(
                "/cases/" + kase.number() + "/tone",
                Map.of("body", "Thank you, I have corrected the address on the invoice."));

        assertThat(blaming.status()).isEqualTo(200);
        var finding = blaming.html().select("#tone-findings .tone-finding[data-kind=blame]");
        assertThat(finding).isNotEmpty();
        assertThat(finding.select(".tone-words").eachText()).contains("you should have");
        assertThat(finding.select(".tone-suggestion").text()).isNotBlank();
        assertThat(blaming.html().select("button[data-tone-apply][data-replacement='To recap,']"))
                .hasSize(1);
        assertThat(calm.html().select(".tone-finding")).isEmpty();
        assertThat(calm.html().select(".tone-clean")).hasSize(1);
    }

    @Test
    void aBlamingReplyIsHeldWithItsFindingsAndSentAnywayItIsRecordedForCoaching() {
        var kase = openCase("My invoice shows the wrong address.");
        var page = casePage(kase.number());

        var held =
                browser.postPart("/cases/" + kase.number() + "/replies", Map.of("body", BLAMING, "seen", seen(page)));

        assertThat(held.status()).isEqualTo(409);
        assertThat(held.html().select("#reply-form .tone-finding[data-kind=blame]"))
                .isNotEmpty();
        assertThat(held.html().select("#reply-body").text()).isEqualTo(BLAMING);
        assertThat(kinds(kase.id())).containsExactly("message_in");

        var sent = browser.postPart(
                "/cases/" + kase.number() + "/replies",
                Map.of("body", BLAMING, "seen", seen(held.html()), "toneChecked", "true"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(kinds(kase.id())).containsExactly("message_in", "message_out");
        var coaching = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> agent.api().get("/api/v1/assist/coaching").json(),
                        c -> c.get("items").size() > 0);
        assertThat(coaching.get("items")
                        .valueStream()
                        .map(i -> i.get("finding").get("kind").asString()))
                .contains("blame");
    }

    @Test
    void theTemplateIsOfferedOnlyWhenTheLastCustomerMessageIsFrustrated() {
        var calm = openCase("Could you send me a copy of my invoice, please?");
        var frustrated = openCase(FRUSTRATED);
        awaitScores(calm.id(), 1);
        awaitScores(frustrated.id(), 1);

        assertThat(casePage(calm.number()).select("#template-offer")).isEmpty();
        var offer = casePage(frustrated.number()).select("#template-offer");
        assertThat(offer).hasSize(1);
        assertThat(offer.select("button[data-assist-template]").first().attr("data-body"))
                .contains("Hello Successful,", "#" + frustrated.number());
    }

    @Test
    void solvingWithTheClosingComposerStoresTheNextStepsSendsThemAndSolves() {
        var kase = openCase("My licence key stopped working after the reinstall.");
        agent.api().post("/api/v1/cases/" + kase.id() + "/assignment", Map.of("ownerId", agent.id()));
        var page = casePage(kase.number());
        String before = caseJson(kase.id()).get("status").asString();
        assertThat(page.select("#closing-farewell").text())
                .as("pre-filled farewell")
                .contains("Successful");

        var refused = browser.postPart(
                "/cases/" + kase.number() + "/closing",
                Map.of("whatHappens", "A new key is issued", "byWhen", "", "howToCheck", "", "farewell", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#closing-when-error").text()).isEqualTo("Say by when.");
        assertThat(refused.html().select("#closing-what").text()).isEqualTo("A new key is issued");
        assertThat(caseJson(kase.id()).get("status").asString()).isEqualTo(before);

        var solved = browser.postPart(
                "/cases/" + kase.number() + "/closing",
                Map.of(
                        "whatHappens", "A new key is issued to your account",
                        "byWhen", "tomorrow noon",
                        "howToCheck", "it shows under My licences",
                        "farewell", "Thanks for your patience, and enjoy the week!"));

        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
        assertThat(solved.header("HX-Trigger")).isEqualTo("case-changed-" + kase.number());
        var json = caseJson(kase.id());
        assertThat(json.get("status").asString()).isEqualTo("solved");
        var closingReply = json.get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_out"))
                .map(e -> e.get("body").asString())
                .toList();
        assertThat(closingReply)
                .singleElement()
                .asString()
                .contains(
                        "A new key is issued to your account.",
                        "Tomorrow noon.",
                        "It shows under My licences.",
                        "enjoy the week!");
        var steps = casePage(kase.number()).select("#next-steps");
        assertThat(steps.text())
                .contains("A new key is issued to your account", "tomorrow noon", "it shows under My licences");
        assertThat(casePage(kase.number()).select("#closing-form"))
                .as("a solved case is not solved again")
                .isEmpty();
    }

    private record Opened(UUID id, long number) {}

    private Opened openCase(String message) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Licence and invoice",
                                "requester",
                                Map.of(
                                        "email",
                                        "successful-" + UUID.randomUUID() + "@example.com",
                                        "name",
                                        "Successful Moore"),
                                "message",
                                Map.of("body", message),
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Opened(
                UUID.fromString(created.json().get("id").asString()),
                created.json().get("number").asLong());
    }

    private void awaitScores(UUID caseId, int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                                .get("/api/v1/cases/" + caseId + "/frustration")
                                .json()
                                .get("messages")
                                .size()
                        >= count);
    }

    private Document casePage(long number) {
        var page = browser.get("/cases/" + number);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.html();
    }

    private static String seen(Document page) {
        return page.select("#reply-form [data-seen]").val();
    }

    private JsonNode caseJson(UUID caseId) {
        return admin().get("/api/v1/cases/" + caseId).json();
    }

    private List<String> kinds(UUID caseId) {
        return caseJson(caseId)
                .get("timeline")
                .valueStream()
                .map(entry -> entry.get("kind").asString())
                .filter(kind -> !kind.equals("event"))
                .toList();
    }
}
