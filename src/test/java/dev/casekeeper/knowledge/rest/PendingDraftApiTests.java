package dev.casekeeper.knowledge.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A change to a published article waits as its pending draft: readers of the help center keep the
 * published text until a supervisor publishes the draft; the history holds both.
 */
class PendingDraftApiTests extends ApiTestBase {

    @Test
    void aChangeToAPublishedArticleWaitsAsADraftUntilItIsPublished() {
        var agent = newAgent("agent").api();
        var supervisor = newAgent("supervisor").api();
        String old = "oldword" + UUID.randomUUID().toString().substring(0, 6);
        String fresh = "newword" + UUID.randomUUID().toString().substring(0, 6);
        var article = published(agent, supervisor, "Returning an order", "Send it back within 30 days, " + old + ".");
        String id = article.get("id").asString();
        int live = article.get("revision").asInt();

        var changed = agent.patch(
                "/api/v1/knowledge/articles/" + id, Map.of("body", "Send it back within 60 days, " + fresh + "."));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("state").asString()).isEqualTo("published");
        assertThat(changed.json().get("body").asString()).contains(old);
        assertThat(changed.json().get("revision").asInt()).isEqualTo(live);
        var draft = changed.json().get("pendingDraft");
        assertThat(draft.get("body").asString()).contains(fresh);
        assertThat(draft.get("state").asString()).isEqualTo("draft");
        assertThat(draft.get("revision").asInt()).isEqualTo(live + 1);
        assertHelpCenterShows(article, old, fresh);

        var inReview = agent.post("/api/v1/knowledge/articles/" + id + "/draft/state", Map.of("state", "review"));
        assertThat(inReview.json().get("pendingDraft").get("state").asString()).isEqualTo("review");
        var again = agent.patch("/api/v1/knowledge/articles/" + id, Map.of("title", "Returning an order by post"));
        assertThat(again.json().get("pendingDraft").get("state").asString()).isEqualTo("review");
        assertThat(again.json().get("pendingDraft").get("body").asString()).contains(fresh);
        assertThat(again.json().get("title").asString()).isEqualTo("Returning an order");

        assertProblem(
                agent.post("/api/v1/knowledge/articles/" + id + "/draft/state", Map.of("state", "published")),
                403,
                "forbidden");
        assertProblem(
                supervisor.post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "draft")),
                409,
                "pending-draft");
        assertHelpCenterShows(article, old, fresh);

        var out = supervisor.post("/api/v1/knowledge/articles/" + id + "/draft/state", Map.of("state", "published"));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().get("title").asString()).isEqualTo("Returning an order by post");
        assertThat(out.json().get("body").asString()).contains(fresh);
        assertThat(out.json().get("pendingDraft").isNull()).isTrue();
        assertThat(out.json().get("revision").asInt()).isEqualTo(live + 4);
        assertHelpCenterShows(out.json(), fresh, old);

        var states = agent.get("/api/v1/knowledge/articles/" + id + "/revisions")
                .json()
                .valueStream()
                .map(r -> r.get("state").asString())
                .toList();
        assertThat(states.subList(0, 5)).containsExactly("published", "review", "review", "draft", "published");
        assertThat(agent.get("/api/v1/knowledge/articles/" + id + "/diff?from=" + live + "&to=" + (live + 1))
                        .json()
                        .get("unified")
                        .asString())
                .contains("-Send it back within 30 days, " + old + ".")
                .contains("+Send it back within 60 days, " + fresh + ".");
    }

    @Test
    void aDiscardedDraftLeavesThePublishedArticleAsItWas() {
        var agent = newAgent("agent").api();
        var supervisor = newAgent("supervisor").api();
        var article = published(agent, supervisor, "Late technician", "We call you when the technician is late.");
        String id = article.get("id").asString();

        assertProblem(agent.delete("/api/v1/knowledge/articles/" + id + "/draft"), 404, "not-found");
        agent.patch("/api/v1/knowledge/articles/" + id, Map.of("body", "Something else entirely."));
        assertThat(agent.delete("/api/v1/knowledge/articles/" + id + "/draft").status())
                .isEqualTo(204);

        var now = agent.get("/api/v1/knowledge/articles/" + id).json();
        assertThat(now.get("pendingDraft").isNull()).isTrue();
        assertThat(now.get("body").asString()).isEqualTo("We call you when the technician is late.");
        assertProblem(
                agent.post("/api/v1/knowledge/articles/" + id + "/draft/state", Map.of("state", "review")),
                404,
                "not-found");
        var listed = agent.get("/api/v1/knowledge/articles?state=published&limit=200")
                .json()
                .valueStream()
                .filter(a -> a.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("pendingDraft").isNull()).isTrue();
    }

    private void assertHelpCenterShows(JsonNode article, String present, String absent) {
        var web = WebSession.anonymous(port);
        var page = web.get(article.get("helpCenterPath").asString());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.html().select(".article-body").text()).contains(present).doesNotContain(absent);
        assertThat(web.get("/help/search?q=" + absent)
                        .html()
                        .select("a[href=" + article.get("helpCenterPath").asString() + "]"))
                .isEmpty();
    }

    private static JsonNode published(Api agent, Api supervisor, String title, String body) {
        var created =
                agent.post("/api/v1/knowledge/articles", Map.of("title", title, "body", body, "visibility", "public"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var published = supervisor.post(
                "/api/v1/knowledge/articles/" + created.json().get("id").asString() + "/state",
                Map.of("state", "published"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }
}
