package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.WebSession;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer signed in to the portal is no agent to the knowledge base: she gets the files of
 * published public articles from the help center, as anyone does, and no other article's file.
 */
class CustomerArticleFilesTests extends PortalTestBase {

    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Test
    void aCustomersSessionGetsOnlyTheFilesOfPublishedPublicArticles() {
        String internal = publishedArticleWithPicture("internal");
        String publicOne = publishedArticleWithPicture("public");
        var maria = signIn(newCustomer("Maria Lopez"));

        for (String file : List.of(internal, publicOne)) {
            var page = maria.get("/knowledge/files/" + file);
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).endsWith("/login");
        }
        assertThat(maria.get(
                                "/api/v1/knowledge/articles/" + UUID.randomUUID() + "/files",
                                Map.of("Accept", "application/json"))
                        .status())
                .isEqualTo(401);
        assertThat(maria.download("/help/files/" + internal).statusCode()).isEqualTo(404);
        assertThat(maria.download("/help/files/" + publicOne).statusCode()).isEqualTo(200);
    }

    /** The id of the picture of a new article, published. */
    private String publishedArticleWithPicture(String visibility) {
        var created = admin().post(
                        "/api/v1/knowledge/articles",
                        Map.of(
                                "title",
                                "Lights " + UUID.randomUUID().toString().substring(0, 6),
                                "body",
                                "Text.",
                                "visibility",
                                visibility));
        String id = created.json().get("id").asString();
        var editor = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        editor.get("/knowledge/" + id);
        editor.postFiles(
                "/knowledge/" + id + "/files", Map.of(), List.of(new WebSession.Upload("files", "lights.png", PNG)));
        admin().post("/api/v1/knowledge/articles/" + id + "/state", Map.of("state", "published"));
        var files = admin().get("/api/v1/knowledge/articles/" + id + "/files").json();
        assertThat(files.size()).isEqualTo(1);
        return files.get(0).get("id").asString();
    }
}
