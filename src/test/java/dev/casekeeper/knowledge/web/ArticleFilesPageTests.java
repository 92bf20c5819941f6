package dev.casekeeper.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The editor's Files card without a script: an upload lands in the card, a refused one says why there
 * and stores nothing; the preview shows an article's pictures from where agents get them; a published
 * picture offers no Delete to an agent who does not publish.
 */
class ArticleFilesPageTests extends ApiTestBase {

    @Test
    void anUploadOnThePageIsListedAndARefusedOneSaysWhyAndStoresNothing() {
        var agent = newAgent("agent");
        String id = article(agent, "public");
        var editor = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        editor.get("/knowledge/" + id);

        var refused = editor.postFiles(
                "/knowledge/" + id + "/files",
                Map.of(),
                List.of(new WebSession.Upload(
                        "files",
                        "photo.png",
                        "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                                .getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.status()).isEqualTo(302);
        var page = editor.get("/knowledge/" + id);
        assertThat(page.html().select("#article-files-error").text())
                .contains("photo.png is not a kind of file an article can keep")
                .contains("Nothing was stored");
        assertThat(page.html().select("#article-files-none")).isNotEmpty();

        editor.postFiles(
                "/knowledge/" + id + "/files",
                Map.of(),
                List.of(new WebSession.Upload("files", "lights.png", HelpBrandTests.PNG)));
        page = editor.get("/knowledge/" + id);
        assertThat(page.html().select("#article-files-error")).isEmpty();
        assertThat(page.html().select("#article-files-list li a").eachText()).containsExactly("lights.png");
        assertThat(page.html()
                        .select("#article-files-list [data-article-file-insert]")
                        .attr("data-markdown"))
                .matches("!\\[lights]\\(/help/files/[0-9a-f-]{36}\\)");
        assertThat(page.html().select("#article-files-list form button").text()).isEqualTo("Delete");
    }

    @Test
    void thePreviewShowsAnArticlesPicturesFromWhereAgentsGetThem() {
        var agent = newAgent("agent");
        var editor = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        editor.get("/knowledge/new");
        UUID file = UUID.randomUUID();

        var preview = editor.post("/knowledge/preview", Map.of("body", "![lights](/help/files/" + file + ")"));

        assertThat(preview.html().select("#article-preview img").attr("src")).isEqualTo("/knowledge/files/" + file);
    }

    @Test
    void aPublishedPictureOffersNoDeleteToAnAgentWhoDoesNotPublish() {
        var agent = newAgent("agent");
        String id = article(agent, "public");
        var editor = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        editor.get("/knowledge/" + id);
        editor.postFiles(
                "/knowledge/" + id + "/files",
                Map.of(),
                List.of(new WebSession.Upload("files", "lights.png", HelpBrandTests.PNG)));
        admin().post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "published"));

        var page = editor.get("/knowledge/" + id);

        assertThat(page.html().select("#article-files-list li a").eachText()).containsExactly("lights.png");
        assertThat(page.html().select("#article-files-list form")).isEmpty();
    }

    private String article(Caller as, String visibility) {
        var created = as.api()
                .post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                "Lights " + UUID.randomUUID().toString().substring(0, 6),
                                "body",
                                "Text.",
                                "visibility",
                                visibility));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
