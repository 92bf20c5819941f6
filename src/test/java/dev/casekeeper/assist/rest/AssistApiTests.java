package dev.casekeeper.assist.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AssistApiTests extends ApiTestBase {

    @Test
    void scoresAMessageWithReasonsAndCharacterSpans() {
        var agent = newAgent("agent");

        var response = agent.api().post("/api/v1/assist/frustration", Map.of("text", "Little B$#&@, yes you will!"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var score = response.json();
        assertThat(score.get("score").asInt()).isBetween(50, 100);
        assertThat(score.get("level").asString()).isEqualTo("heated");
        var profanity = reason(score, "profanity");
        assertThat(profanity.get("spans").get(0).get("start").asInt()).isEqualTo(7);
        assertThat(profanity.get("spans").get(0).get("end").asInt()).isEqualTo(12);
        assertThat(profanity.get("spans").get(0).get("text").asString()).isEqualTo("B$#&@");
    }

    @Test
    void scoresAMessageInTheContextOfItsCase() {
        var agent = newAgent("agent");
        UUID caseId = openCase(agent.api(), "Activation key");
        agent.api().post("/api/v1/cases/" + caseId + "/messages", Map.of("body", "Any news about my activation key?"));

        var alone = agent.api()
                .post("/api/v1/assist/frustration", Map.of("text", "My activation key is gone since I reinstalled."))
                .json();
        var inCase = agent.api()
                .post(
                        "/api/v1/assist/frustration",
                        Map.of("text", "My activation key is gone since I reinstalled.", "caseId", caseId))
                .json();

        assertThat(alone.get("signals")).isEmpty();
        assertThat(inCase.get("signals").valueStream().map(JsonNode::asString))
                .contains("repeated-information", "contacts");
    }

    @Test
    void refusesEmptyOrTooLongTextUnknownLanguagesAndCasesItCannotSee() {
        var agent = newAgent("agent");

        assertThat(fieldsNamed(agent.api().post("/api/v1/assist/frustration", Map.of("text", " "))))
                .containsExactly("text");
        assertThat(fieldsNamed(agent.api().post("/api/v1/assist/tone", Map.of())))
                .containsExactly("text");
        var tooLong = agent.api().post("/api/v1/assist/frustration", Map.of("text", "a".repeat(20_001)));
        assertProblem(tooLong, 400, "invalid-input");
        assertThat(fieldsNamed(tooLong)).containsExactly("text");
        assertThat(fieldsNamed(
                        agent.api().post("/api/v1/assist/frustration", Map.of("text", "hello", "language", "xx"))))
                .containsExactly("language");
        assertProblem(
                agent.api().post("/api/v1/assist/frustration", Map.of("text", "hello", "caseId", UUID.randomUUID())),
                404,
                "not-found");
        var otherTeamsCase = openCaseInTeam(admin(), newTeam());
        assertProblem(
                agent.api().post("/api/v1/assist/tone", Map.of("text", "hello", "caseId", otherTeamsCase)),
                404,
                "not-found");
    }

    @Test
    void checksTheToneOfADraftWithSuggestions() {
        var agent = newAgent("agent");

        var response = agent.api().post("/api/v1/assist/tone", Map.of("text", "We're not taking that junk back!"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var findings = response.json().get("findings");
        assertThat(findings.valueStream().map(f -> f.get("kind").asString()))
                .containsExactly("refusal", "condescension");
        assertThat(findings.get(0).get("words").asString()).isEqualTo("not taking that junk back");
        assertThat(findings.get(0).get("span").get("start").asInt()).isEqualTo(6);
        assertThat(findings.get(0).get("suggestion").asString()).isNotBlank();
        assertThat(agent.api()
                        .post(
                                "/api/v1/assist/tone",
                                Map.of(
                                        "text",
                                        "We're not able to take worn items back, but I can offer you store credit."))
                        .json()
                        .get("clean")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void onAFrustratedCaseAReplyWithoutAcknowledgementIsFlaggedAndTemplatesAreOffered() {
        var agent = newAgent("agent");
        UUID caseId = openCase(agent.api(), "Refund");
        agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/messages",
                        Map.of(
                                "body",
                                "This is ridiculous, I have already told you my order number 48213 three times!"));

        var tone = agent.api()
                .post("/api/v1/assist/tone", Map.of("text", "Your refund for 48213 was processed.", "caseId", caseId))
                .json();
        var templates =
                agent.api().get("/api/v1/cases/" + caseId + "/reply-templates").json();

        assertThat(tone.get("customerLevel").asString()).isEqualTo("frustrated");
        assertThat(tone.get("findings").valueStream().map(f -> f.get("kind").asString()))
                .containsExactly("missing-acknowledgement");
        assertThat(templates.get("offered").asBoolean()).isTrue();
        assertThat(templates.get("templates").valueStream().map(t -> t.get("id").asString()))
                .contains("repeated", "default");
        var first = templates.get("templates").get(0);
        assertThat(first.get("acknowledge").asString()).startsWith("Hello Maria,");
        assertThat(first.get("commit").asString()).contains("48213");
        assertThat(first.get("body").asString()).contains(first.get("validate").asString());
    }

    @Test
    void aCalmCaseGetsTemplatesWithoutOfferingThem() {
        var agent = newAgent("agent");
        UUID caseId = openCase(agent.api(), "Activation key");

        var templates =
                agent.api().get("/api/v1/cases/" + caseId + "/reply-templates").json();

        assertThat(templates.get("offered").asBoolean()).isFalse();
        assertThat(templates.get("templates").valueStream().map(t -> t.get("id").asString()))
                .containsExactly("default");
    }

    @Test
    void closingSendsNextStepsAndAFarewellSolvesTheCaseAndStoresTheNextSteps() {
        var agent = newAgent("agent");
        UUID caseId = openCase(agent.api(), "Wrong socks");
        var steps = Map.of(
                "whatHappens", "we ship the blue Nike Elite socks today",
                "byWhen", "within 4-7 business days",
                "howToCheck", "log in to our website and open your return");

        var preview = agent.api().post("/api/v1/cases/" + caseId + "/closing/preview", Map.of("nextSteps", steps));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(agent.api().get("/api/v1/cases/" + caseId + "/closing").status())
                .isEqualTo(404);

        var closed = agent.api().post("/api/v1/cases/" + caseId + "/closing", Map.of("nextSteps", steps));

        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        String message = closed.json().get("message").asString();
        assertThat(message).isEqualTo(preview.json().get("message").asString());
        assertThat(message)
                .startsWith("Hello Maria,")
                .contains(
                        "What happens next: We ship the blue Nike Elite socks today.",
                        "By when: Within 4-7 business days.",
                        "How you can check: Log in to our website and open your return.")
                .contains(closed.json().get("farewell").asString());
        assertThat(closed.json().get("status").asString()).isEqualTo("solved");
        var detail = agent.api().get("/api/v1/cases/" + caseId).json();
        assertThat(detail.get("status").asString()).isEqualTo("solved");
        assertThat(detail.get("timeline")
                        .valueStream()
                        .filter(e -> e.get("kind").asString().equals("message_out"))
                        .map(e -> e.get("body").asString()))
                .containsExactly(message);
        var stored = agent.api().get("/api/v1/cases/" + caseId + "/closing").json();
        assertThat(stored.get("nextSteps").get("byWhen").asString()).isEqualTo("within 4-7 business days");
        assertThat(stored.get("entryId").asString())
                .isEqualTo(closed.json().get("entryId").asString());
    }

    @Test
    void aClosingWithoutNextStepsIsRefusedAndChangesNothing() {
        var agent = newAgent("agent");
        UUID caseId = openCase(agent.api(), "Wrong socks");
        var steps = new HashMap<String, Object>(
                Map.of("whatHappens", "we ship the socks", "byWhen", " ", "howToCheck", "online"));

        var refused = agent.api().post("/api/v1/cases/" + caseId + "/closing", Map.of("nextSteps", steps));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("nextSteps.byWhen");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + caseId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("new");
        assertThat(agent.api().get("/api/v1/cases/" + caseId + "/closing").status())
                .isEqualTo(404);
    }

    @Test
    void anAgentHandsAHeatedContactToAColleagueInOneStep() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        UUID caseId = openCaseInTeam(agent.api(), team);
        agent.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", agent.id()));
        agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/messages",
                        Map.of("body", "WHY IS NOBODY ANSWERING??? My order 48213 is still missing, this is a scam!"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.api()
                        .get("/api/v1/cases/" + caseId + "/frustration")
                        .json()
                        .get("heated")
                        .asBoolean());

        var handed = agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/handover",
                        Map.of(
                                "toAgentId",
                                colleague.id(),
                                "note",
                                "I could not calm them down; they need a fresh voice."));

        assertThat(handed.status()).as(handed.toString()).isEqualTo(201);
        assertThat(handed.json().get("ownerId").asString())
                .isEqualTo(colleague.id().toString());
        assertThat(handed.json().get("reason").asString())
                .startsWith("Heated contact")
                .contains("/100");
        var handover = colleague.api().get("/api/v1/cases/" + caseId).json().get("handover");
        assertThat(handover.get("summary").asString())
                .contains("WHY IS NOBODY ANSWERING", "48213", "a fresh voice")
                .isEqualTo(handed.json().get("summary").asString());
        assertThat(fieldsNamed(agent.api().post("/api/v1/cases/" + caseId + "/handover", Map.of())))
                .containsExactly("toAgentId");
    }

    @Test
    void sentRepliesAreCheckedForCoachingAndOnlyTheAgentAndSupervisorsSeeTheFindings() {
        var agent = newAgent("agent");
        var otherAgent = newAgent("agent");
        var supervisor = newAgent("supervisor");
        UUID caseId = openCase(agent.api(), "Wrong order");
        var reply = agent.api()
                .post(
                        "/api/v1/cases/" + caseId + "/replies",
                        Map.of(
                                "body",
                                "As I already said, nothing can be done. Obviously you should have checked the order."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        var own = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> agent.api().get("/api/v1/assist/coaching").json(),
                        r -> r.get("items").size() > 0);

        assertThat(own.get("checkedReplies").asInt()).isEqualTo(1);
        assertThat(own.get("items")
                        .valueStream()
                        .map(i -> i.get("finding").get("kind").asString()))
                .contains("blame", "refusal", "condescension");
        assertThat(own.get("counts").get("blame").asInt()).isEqualTo(2);
        assertThat(supervisor
                        .api()
                        .get("/api/v1/assist/coaching?agentId=" + agent.id())
                        .json()
                        .get("items"))
                .hasSize(own.get("items").size());
        assertProblem(otherAgent.api().get("/api/v1/assist/coaching?agentId=" + agent.id()), 403, "forbidden");
        var page = agent.api().get("/api/v1/assist/coaching?limit=2").json();
        assertThat(page.get("items")).hasSize(2);
        var next = agent.api()
                .get("/api/v1/assist/coaching?limit=2&cursor="
                        + page.get("nextCursor").asString())
                .json();
        assertThat(next.get("items").get(0).get("finding").get("words").asString())
                .isNotEqualTo(
                        page.get("items").get(1).get("finding").get("words").asString());
        var timeline = agent.api()
                .get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .toString();
        assertThat(timeline).doesNotContain("suggestion", "condescension");
    }

    private UUID openCaseInTeam(Api api, UUID team) {
        var created = api.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        "Order 48213",
                        "requester",
                        Map.of("email", "customer-" + UUID.randomUUID() + "@example.com", "name", "Maria Lopez"),
                        "message",
                        Map.of("body", "My order 48213 has not arrived."),
                        "teamId",
                        team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static JsonNode reason(JsonNode score, String signal) {
        return score.get("reasons")
                .valueStream()
                .filter(r -> r.get("signal").asString().equals(signal))
                .findFirst()
                .orElseThrow();
    }
}
