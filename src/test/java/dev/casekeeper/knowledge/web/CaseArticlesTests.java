package dev.casekeeper.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base on the case page: suggestions from the case's subject and its customer's
 * message, search from the reply box, "helped solve this case" on the timeline, an out-of-date flag
 * and a due review reaching the article's owner; a case the agent may not see gives nothing away.
 */
class CaseArticlesTests extends ApiTestBase {

    @Test
    void theCasePageSuggestsPublishedArticlesFromTheSubjectAndTheCustomersMessage() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        String word = "qx" + UUID.randomUUID().toString().substring(0, 8);
        var protocol = publish(agent.api(), "Activation key lost " + word, "internal");
        var unrelated = publish(agent.api(), "Wrong colour delivered " + UUID.randomUUID(), "public");
        var draft = agent.api()
                .post("/api/v1/knowledge/articles", Map.of("title", "Draft activation key " + word, "body", "x"))
                .json();
        long number = number(agent.api(), openCase(agent.api(), team, "Key " + word + " gone"));
        var web = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var suggested = web.getPart("/cases/" + number + "/articles");
        assertThat(suggested.status()).isEqualTo(200);
        var shown = suggested.html().select("[data-article]").eachAttr("data-article");
        assertThat(shown).contains(protocol.get("number").asString());
        assertThat(shown)
                .doesNotContain(
                        draft.get("number").asString(), unrelated.get("number").asString());
        assertThat(suggested
                        .html()
                        .select("[data-article='" + protocol.get("number").asString() + "'] [data-article-insert]"))
                .as("an internal protocol is read, never inserted into a reply")
                .isEmpty();

        var searched = web.getPart("/cases/" + number + "/articles?q=wrong+colour");
        assertThat(searched.html().select("[data-article]").eachAttr("data-article"))
                .contains(unrelated.get("number").asString());
        assertThat(searched.html().select("[data-article-insert]").eachAttr("data-text"))
                .contains("http://localhost:" + port
                        + unrelated.get("helpCenterPath").asString());
    }

    @Test
    void anArticleThatHelpedSolveTheCaseIsOnItsTimelineOnceAndCounted() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        String marker = "rw" + UUID.randomUUID().toString().substring(0, 8);
        var article = publish(agent.api(), "Returns within 30 days " + marker, "public");
        UUID caseId = openCase(agent.api(), team, "Return");
        long number = number(agent.api(), caseId);
        var web = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        web.get("/cases/" + number);

        var marked = web.postPart(
                "/cases/" + number + "/articles/" + article.get("id").asString() + "/helped", Map.of());
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.header("HX-Trigger")).isEqualTo("case-changed-" + number);
        agent.api()
                .post(
                        "/api/v1/knowledge/articles/" + article.get("id").asString() + "/helped",
                        Map.of("caseId", caseId));

        var events = agent.api()
                .get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.has("eventType")
                        && "article_helped".equals(e.get("eventType").asString()))
                .toList();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("data").get("title").asString())
                .isEqualTo(article.get("title").asString());
        assertThat(events.getFirst().get("text").asString()).contains("as having helped solve the case");
        assertThat(stats(agent.api(), article).get("helpedCases").asLong()).isEqualTo(1);
        assertThat(web.getPart("/cases/" + number + "/articles?q=" + marker)
                        .html()
                        .select("[data-article-helped]"))
                .isEmpty();
    }

    @Test
    void flaggingAnArticleAsOutOfDateTellsItsOwner() {
        UUID team = newTeam();
        var owner = newAgent("agent");
        var agent = newAgent("agent", team);
        var article = publish(owner.api(), "Technician visit windows " + UUID.randomUUID(), "public");
        UUID caseId = openCase(agent.api(), team, "Technician late");
        long number = number(agent.api(), caseId);
        var web = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        web.get("/cases/" + number);

        var flagged = web.postPart(
                "/cases/" + number + "/articles/" + article.get("id").asString() + "/outdated",
                Map.of("note", "The window is now 2 hours"));
        assertThat(flagged.status()).isEqualTo(200);

        var told = notifications(owner.api(), "article_flagged_outdated");
        assertThat(told).hasSize(1);
        assertThat(told.getFirst().get("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(told.getFirst().get("text").asString())
                .contains("#" + number)
                .contains("The window is now 2 hours");
        assertThat(stats(owner.api(), article).get("outdatedFlags").asLong()).isEqualTo(1);
        var tooLong = web.postPart(
                "/cases/" + number + "/articles/" + article.get("id").asString() + "/outdated",
                Map.of("note", "x".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(notifications(owner.api(), "article_flagged_outdated")).hasSize(1);
    }

    @Test
    void aCaseTheAgentMayNotSeeGivesNothingAway() {
        UUID team = newTeam();
        var insider = newAgent("agent", team);
        var outsider = newAgent("agent", newTeam());
        var article = publish(insider.api(), "Returns " + UUID.randomUUID(), "public");
        UUID caseId = openCase(insider.api(), team, "Secret case");
        long number = number(insider.api(), caseId);
        var web = WebSession.anonymous(port).signIn(outsider.email(), PASSWORD);
        web.get("/views/mine");

        assertThat(web.getPart("/cases/" + number + "/articles").status()).isEqualTo(404);
        assertThat(web.postPart(
                                "/cases/" + number + "/articles/"
                                        + article.get("id").asString() + "/helped",
                                Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(outsider.api()
                        .post(
                                "/api/v1/knowledge/articles/"
                                        + article.get("id").asString() + "/outdated",
                                Map.of("caseId", caseId))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theOwnerIsRemindedWhenTheReviewDayComes() {
        var owner = newAgent("agent");
        var writer = newAgent("agent");
        var today = LocalDate.now(ZoneOffset.UTC);
        var created = writer.api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                "Returns policy " + UUID.randomUUID(),
                                "body",
                                "30 days.",
                                "ownerId",
                                owner.id(),
                                "reviewBy",
                                today.minusDays(1).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(notifications(owner.api(), "article_review_due"))
                        .singleElement()
                        .satisfies(n -> assertThat(n.get("text").asString())
                                .contains(created.json().get("title").asString())));
        assertThat(notifications(writer.api(), "article_review_due")).isEmpty();
    }

    private JsonNode publish(Api as, String title, String visibility) {
        var created = as.post(
                "/api/v1/knowledge/articles",
                Map.of(
                        "title",
                        title,
                        "summary",
                        "About " + title,
                        "body",
                        "What to do about " + title + ".",
                        "visibility",
                        visibility));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var published = admin().post(
                        "/api/v1/knowledge/articles/" + created.json().get("id").asString() + "/state",
                        Map.of("state", "published"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    private static long number(Api as, UUID caseId) {
        return as.get("/api/v1/cases/" + caseId).json().get("number").asLong();
    }

    private static JsonNode stats(Api as, JsonNode article) {
        return as.get("/api/v1/knowledge/articles/" + article.get("id").asString() + "/stats")
                .json();
    }

    private static List<JsonNode> notifications(Api as, String kind) {
        return as.get("/api/v1/notifications?limit=100")
                .json()
                .get("items")
                .valueStream()
                .filter(n -> kind.equals(n.get("kind").asString()))
                .toList();
    }
}
