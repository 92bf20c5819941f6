package dev.casekeeper.knowledge.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Agents write, search, review and publish articles over the API; every save is a revision with a diff. */
class KnowledgeApiTests extends ApiTestBase {

    @Test
    void anAgentWritesADraftThatASupervisorPublishesAndEverySaveIsARevision() {
        var agent = newAgent("agent");
        var supervisor = newAgent("supervisor");
        String word = "zebrawidget" + UUID.randomUUID().toString().substring(0, 6);
        var created = agent.api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title", "Lost activation key",
                                "summary", "Send the key to the address on the account.",
                                "body", "# Steps\n\n1. Verify the account.\n2. Resend the " + word + " key.",
                                "category", "Licences",
                                "section", "Activation",
                                "tags", List.of("License", "activation"),
                                "visibility", "internal"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("state").asString()).isEqualTo("draft");
        assertThat(created.json().get("html").asString())
                .contains("<h1>Steps</h1>")
                .contains("<ol>");
        assertThat(created.json().get("tags").valueStream().map(t -> t.asString()))
                .containsExactly("license", "activation");

        var changed = agent.api()
                .patch(
                        "/api/v1/knowledge/articles/" + id,
                        Map.of(
                                "body",
                                "# Steps\n\n1. Verify the account by its email.\n2. Resend the " + word + " key."));
        assertThat(changed.json().get("revision").asInt()).isEqualTo(2);
        assertThat(agent.api()
                        .post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "review"))
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("review");
        assertProblem(
                agent.api().post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "published")),
                403,
                "forbidden");
        var published =
                supervisor.api().post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "published"));
        assertThat(published.json().get("state").asString()).isEqualTo("published");
        assertThat(published.json().get("publishedAt").isNull()).isFalse();

        var revisions = agent.api()
                .get("/api/v1/knowledge/articles/" + id + "/revisions")
                .json();
        assertThat(revisions.valueStream().map(r -> r.get("state").asString()))
                .containsExactly("published", "review", "draft", "draft");
        var diff = agent.api()
                .get("/api/v1/knowledge/articles/" + id + "/diff?from=1&to=2")
                .json();
        assertThat(diff.get("unified").asString())
                .contains("-1. Verify the account.")
                .contains("+1. Verify the account by its email.");

        var found = agent.api().get("/api/v1/knowledge/articles?q=" + word).json();
        assertThat(found.valueStream().map(a -> a.get("id").asString())).containsExactly(id);
        var byPrefix = agent.api()
                .get("/api/v1/knowledge/articles?q=" + word.substring(0, 9))
                .json();
        assertThat(byPrefix.valueStream().map(a -> a.get("id").asString())).contains(id);
    }

    @Test
    void searchStemsEachLanguageAndFoldsAccents() {
        var agent = newAgent("agent");
        String marker = "q" + UUID.randomUUID().toString().substring(0, 8);
        var german = create(
                agent.api(),
                Map.of("title", "Schlüssel verloren " + marker, "body", "Der Aktivierungsschlüssel", "locale", "de"));
        var english = create(
                agent.api(),
                Map.of("title", "Returning orders " + marker, "body", "How returns work.", "locale", "en"));

        assertThat(ids(agent.api(), "schlussel " + marker)).containsExactly(german);
        assertThat(ids(agent.api(), "returned " + marker)).containsExactly(english);
    }

    @Test
    void aTranslationJoinsTheFamilyOnceForEachLanguage() {
        var agent = newAgent("agent");
        String original = create(agent.api(), Map.of("title", "Returns", "body", "Within 30 days."));
        String german = create(
                agent.api(),
                Map.of(
                        "title",
                        "Rücksendungen",
                        "body",
                        "Innerhalb von 30 Tagen.",
                        "locale",
                        "de",
                        "translationOf",
                        original));

        var family = agent.api()
                .get("/api/v1/knowledge/articles/" + original + "/translations")
                .json();
        assertThat(family.valueStream().map(a -> a.get("id").asString())).containsExactlyInAnyOrder(original, german);
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/knowledge/articles",
                                Map.of("title", "Noch einmal", "body", "x", "locale", "de", "translationOf", original)),
                409,
                "translation-exists");
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamedAndNothingIsWritten() {
        var agent = newAgent("agent");
        String title = "x".repeat(201);
        var refused = agent.api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of("title", title, "body", " ", "locale", "xx", "visibility", "everyone"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).contains("title");
        var semantic = agent.api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of("title", "Ok", "body", " ", "locale", "xx", "visibility", "everyone"));
        assertProblem(semantic, 400, "invalid-input");
        assertThat(fieldsNamed(semantic)).containsExactlyInAnyOrder("body", "locale", "visibility");
        assertProblem(
                agent.api().post("/api/v1/knowledge/articles/" + UUID.randomUUID() + "/state", Map.of("state", "gone")),
                400,
                "invalid-input");
        assertProblem(agent.api().get("/api/v1/knowledge/articles/" + UUID.randomUUID()), 404, "not-found");
        assertThat(agent.api()
                        .get("/api/v1/knowledge/articles?q=Ok")
                        .json()
                        .valueStream()
                        .filter(a -> a.get("title").asString().equals("Ok")))
                .isEmpty();
    }

    @Test
    void markdownNeverCarriesScriptsFramesOrJavascriptLinks() {
        var agent = newAgent("agent");
        String body = """
                Hello <script>alert('x')</script>

                <iframe src="https://evil.example"></iframe>

                [click me](javascript:alert(1)) and [ok](https://example.com)

                <img src=x onerror=alert(1)>

                ![pic](javascript:alert(2))
                """;
        var created = agent.api().post("/api/v1/knowledge/articles", Map.of("title", "XSS", "body", body));
        String html = created.json().get("html").asString();

        assertThat(html).doesNotContain("<script", "<iframe", "javascript:", "onerror=");
        assertThat(html).contains("href=\"https://example.com\"");
        var preview = agent.api().post("/api/v1/knowledge/preview", Map.of("body", body));
        assertThat(preview.json().get("html").asString())
                .doesNotContain("<script", "<iframe", "javascript:", "onerror=");
    }

    private static String create(Api api, Map<String, Object> fields) {
        var created = api.post("/api/v1/knowledge/articles", fields);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> ids(Api api, String q) {
        return api.get("/api/v1/knowledge/articles?q="
                        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
                .json()
                .valueStream()
                .map(a -> a.get("id").asString())
                .toList();
    }
}
