package dev.casekeeper.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public help center over real HTTP, without signing in: published public articles are there,
 * with their canonical address, description and related articles; internal articles, drafts and
 * articles in review are not found however their address is guessed; search, suggestions, the
 * sitemap, "was this helpful?" and deflections work; the visitor reads her language.
 */
class HelpCenterTests extends ApiTestBase {

    private Api writer;
    private Api publisher;
    private String marker;

    @BeforeEach
    void writers() {
        writer = newAgent("agent").api();
        publisher = newAgent("supervisor").api();
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aVisitorReadsAPublishedPublicArticleWithItsBreadcrumbsCanonicalAddressAndRelatedArticles() {
        var returns = published("Returning an order " + marker, "public", "Orders", "Returns");
        var exchange = published("Exchanging a size " + marker, "public", "Orders", "Returns");
        var web = WebSession.anonymous(port);

        var home = web.get("/help");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html().select("a[href=" + path(returns) + "]")).hasSize(1);

        var page = web.get(path(returns));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var html = page.html();
        assertThat(html.title()).startsWith("Returning an order " + marker);
        assertThat(html.select("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:" + port + path(returns));
        assertThat(html.select("meta[name=description]").attr("content"))
                .isEqualTo("Summary of Returning an order " + marker);
        assertThat(html.select(".help-breadcrumbs li").eachText())
                .containsExactly("How can we help?", "Orders", "Returns", "Returning an order " + marker);
        assertThat(html.select("#help-related a").eachAttr("href")).contains(path(exchange));
        assertThat(page.header("Set-Cookie")).isNullOrEmpty();

        var wrongSlug = web.get("/help/articles/" + returns.get("number").asLong() + "-old-title");
        assertThat(wrongSlug.status()).isEqualTo(301);
        assertThat(wrongSlug.location()).isEqualTo(path(returns));
        assertThat(web.get("/help/articles/" + returns.get("number").asLong()).location())
                .isEqualTo(path(returns));
    }

    @Test
    void internalArticlesDraftsAndArticlesInReviewAreNotFoundHoweverTheAddressIsGuessed() {
        var internal = published("Activation key protocol " + marker, "internal", "Licences", "");
        var draft = created("Draft about returns " + marker, "public", "Orders", "");
        var inReview = created("Review about returns " + marker, "public", "Orders", "");
        publisher.post(
                "/api/v1/knowledge/articles/" + inReview.get("id").asString() + "/state", Map.of("state", "review"));
        var web = WebSession.anonymous(port);

        for (var hidden : java.util.List.of(internal, draft, inReview)) {
            long number = hidden.get("number").asLong();
            assertThat(web.get(path(hidden)).status()).as(path(hidden)).isEqualTo(404);
            assertThat(web.get("/help/articles/" + number).status()).isEqualTo(404);
            assertThat(web.get("/help/articles/" + number + "-x").status()).isEqualTo(404);
            assertThat(web.post("/help/articles/" + number + "/feedback", Map.of("helpful", "yes"))
                            .status())
                    .isEqualTo(404);
        }
        assertThat(web.get("/help/search?q=" + marker).html().select("#help-results a"))
                .isEmpty();
        assertThat(web.get("/help/suggestions?q=" + marker).html().select("a")).isEmpty();
        assertThat(web.get("/help").body()).doesNotContain(marker);
        assertThat(web.get("/help/sitemap.xml").body()).doesNotContain(path(internal), path(draft), path(inReview));
        web.postRaw(
                "/help/deflections", Map.of("articles", internal.get("number").asString()), Map.of());
        assertThat(stats(internal).get("deflections").asLong()).isZero();
    }

    @Test
    void searchSuggestionsAndTheSitemapFindPublicArticles() {
        var article = published("Activation key lost " + marker, "public", "Licences", "Activation");
        var web = WebSession.anonymous(port);

        var results = web.get("/help/search?q=" + marker);
        assertThat(results.html().select("#help-results a").eachAttr("href")).containsExactly(path(article));
        var suggestions = web.getPart("/help/suggestions?q=activation+" + marker.substring(0, 5));
        assertThat(suggestions.html().select("a").eachAttr("href")).contains(path(article));
        var sitemap = web.get("/help/sitemap.xml");
        assertThat(sitemap.header("Content-Type")).startsWith("application/xml");
        assertThat(sitemap.body()).contains("<loc>http://localhost:" + port + path(article) + "</loc>");
        assertThat(results.html().select("#help-contact").attr("href")).isEqualTo("/contact?q=" + marker);
    }

    @Test
    void aWordInTheTitleRanksAboveTheSummaryAndTheSummaryAboveTheTextHoweverOftenTheTextRepeatsIt() {
        var inTitle = published("Refunds " + marker, "How refunds work", "Nothing more to say.");
        var inSummary = published("Returns", "Returns and " + marker, "Nothing more to say.");
        var inText = published("Parcels", "Where a parcel is", (marker + " ").repeat(30));
        var web = WebSession.anonymous(port);

        assertThat(web.get("/help/search?q=" + marker)
                        .html()
                        .select("#help-results a")
                        .eachAttr("href"))
                .containsExactly(path(inTitle), path(inSummary), path(inText));
    }

    @Test
    void aVisitorSaysWhetherAnArticleHelpedAndTheWebFormReportsDeflections() {
        var article = published("Late technician " + marker, "public", "Visits", "");
        var web = WebSession.anonymous(port);
        long number = article.get("number").asLong();

        var answered = web.post(
                "/help/articles/" + number + "/feedback", Map.of("helpful", "no", "comment", "Say when they come"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.html().select("#help-feedback-done").text()).isEqualTo("Thank you for telling us.");
        assertThat(web.post("/help/articles/" + number + "/feedback", Map.of("helpful", "maybe"))
                        .status())
                .isEqualTo(400);
        assertThat(web.postRaw("/help/deflections", Map.of("articles", number + ",x,999999999"), Map.of())
                        .status())
                .isEqualTo(204);

        var stats = stats(article);
        assertThat(stats.get("notHelpful").asLong()).isEqualTo(1);
        assertThat(stats.get("helpful").asLong()).isZero();
        assertThat(stats.get("deflections").asLong()).isEqualTo(1);
    }

    @Test
    void theChatWidgetGetsPublicSuggestionsFromAnySiteAndItsDeflectionsAreCountedApart() {
        var article = published("Wrong order delivered " + marker, "public", "Orders", "");
        var internal = published("Wrong order protocol " + marker, "internal", "Orders", "");
        var web = WebSession.anonymous(port);
        long number = article.get("number").asLong();

        var suggestions = web.get(
                "/help/suggestions?from=chat&q=wrong+order+" + marker,
                Map.of("Accept", "application/json", "Origin", "https://shop.example"));
        assertThat(suggestions.status()).as(suggestions.toString()).isEqualTo(200);
        assertThat(suggestions.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(suggestions.header("Set-Cookie")).isNullOrEmpty();
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(suggestions.body());
        assertThat(json.valueStream().map(a -> a.get("number").asLong())).containsExactly(number);
        assertThat(json.get(0).get("url").asString()).isEqualTo("http://localhost:" + port + path(article));
        assertThat(json.get(0).get("title").asString()).isEqualTo("Wrong order delivered " + marker);

        web.postRaw(
                "/help/deflections",
                Map.of("articles", number + "," + internal.get("number").asLong(), "from", "chat"),
                Map.of());
        web.postRaw("/help/deflections", Map.of("articles", String.valueOf(number)), Map.of());
        var stats = stats(article);
        assertThat(stats.get("deflections").asLong()).isEqualTo(2);
        assertThat(stats.get("chatDeflections").asLong()).isEqualTo(1);
        assertThat(stats(internal).get("deflections").asLong()).isZero();
    }

    @Test
    void aGermanVisitorReadsTheGermanTranslationAndGermanTexts() {
        var english = published("Returns " + marker, "public", "Orders", "");
        var german = writer.post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                "Rücksendungen " + marker,
                                "summary",
                                "Zurückschicken",
                                "body",
                                "Innerhalb von 30 Tagen.",
                                "locale",
                                "de",
                                "visibility",
                                "public",
                                "category",
                                "Bestellungen",
                                "translationOf",
                                english.get("id").asString()))
                .json();
        publisher.post(
                "/api/v1/knowledge/articles/" + german.get("id").asString() + "/state", Map.of("state", "published"));
        var web = WebSession.anonymous(port);

        var home = web.get("/help", Map.of("Accept-Language", "de"));
        assertThat(home.html().select("html").attr("lang")).isEqualTo("de");
        assertThat(home.html().select("h1").text()).isEqualTo("Wie können wir helfen?");
        assertThat(home.body()).contains("Rücksendungen " + marker).doesNotContain(">Returns " + marker);
        var page = web.get(path(german), Map.of("Accept-Language", "de"));
        assertThat(page.html().select("a[hreflang=en]").attr("href")).isEqualTo(path(english));
        assertThat(web.get("/help", Map.of("Accept-Language", "en")).body()).contains("Returns " + marker);
    }

    private JsonNode created(String title, String visibility, String category, String section) {
        var created = writer.post(
                "/api/v1/knowledge/articles",
                Map.of(
                        "title",
                        title,
                        "summary",
                        "Summary of " + title,
                        "body",
                        "Text of " + title + ".",
                        "visibility",
                        visibility,
                        "category",
                        category,
                        "section",
                        section));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode published(String title, String visibility, String category, String section) {
        var article = created(title, visibility, category, section);
        var published = publisher.post(
                "/api/v1/knowledge/articles/" + article.get("id").asString() + "/state", Map.of("state", "published"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    private JsonNode published(String title, String summary, String body) {
        var created = writer.post(
                "/api/v1/knowledge/articles",
                Map.of("title", title, "summary", summary, "body", body, "visibility", "public", "category", "Orders"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var published = publisher.post(
                "/api/v1/knowledge/articles/" + created.json().get("id").asString() + "/state",
                Map.of("state", "published"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    private JsonNode stats(JsonNode article) {
        return writer.get("/api/v1/knowledge/articles/" + article.get("id").asString() + "/stats")
                .json();
    }

    private static String path(JsonNode article) {
        return article.get("helpCenterPath").asString();
    }
}
