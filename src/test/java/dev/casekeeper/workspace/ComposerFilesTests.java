package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import dev.casekeeper.support.WebSession.Upload;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files in the case page's composer: a note or reply with files lists them on the timeline with a
 * safe download; a refused file is said beside the form in words, and nothing is written.
 */
class ComposerFilesTests extends ApiTestBase {

    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private UUID caseId;
    private long number;
    private WebSession browser;

    @BeforeEach
    void aCaseInTheAgentsTeam() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Broken hinge",
                                "requester",
                                Map.of("email", "moore-" + UUID.randomUUID() + "@example.com"),
                                "message",
                                Map.of("body", "The hinge broke."),
                                "teamId",
                                team));
        caseId = UUID.fromString(created.json().get("id").asString());
        number = created.json().get("number").asLong();
        browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
    }

    @Test
    void theComposerOffersAFileFieldThatTakesDroppedFiles() {
        var page = casePage();

        assertThat(page.select("#reply-form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(page.select("#reply-form [data-dropzone=files] input[type=file][name=files][multiple]"))
                .hasSize(1);
        assertThat(page.select("#note-form [data-dropzone=files] input[type=file][name=files]"))
                .hasSize(1);
        assertThat(page.select("#reply-files-hint").text()).contains("Up to 5 files of at most 1 MB each");
    }

    @Test
    void aNoteWithAPictureListsItOnTheTimelineWithASafeDownload() {
        casePage();

        var posted = browser.postFiles(
                "/cases/" + number + "/notes",
                Map.of("body", "Photo of the hinge from the warehouse."),
                List.of(new Upload("files", "hinge.png", PNG)));

        assertThat(posted.status()).as(posted.toString()).isLessThan(400);
        var links = casePage().select("#timeline .entry-note .mail-attachments a");
        assertThat(links.eachText()).containsExactly("hinge.png");
        var file = browser.download(links.getFirst().attr("href"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PNG);
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aRefusedFileIsSaidBesideTheFormAndNothingIsWritten() {
        var page = casePage();

        var refused = browser.postFiles(
                "/cases/" + number + "/replies",
                Map.of(
                        "body",
                        "Here is the manual.",
                        "seen",
                        page.select("#reply-form [data-seen]").val()),
                List.of(new Upload(
                        "files",
                        "manual.pdf",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#reply-form .form-error").text())
                .contains("manual.pdf is not a kind of file that can be attached", "Nothing was sent");
        assertThat(refused.html().select("#reply-body").text()).isEqualTo("Here is the manual.");
        assertThat(admin().get("/api/v1/cases/" + caseId)
                        .json()
                        .get("timeline")
                        .valueStream()
                        .filter(e -> !e.get("kind").asString().equals("event")))
                .hasSize(1);
    }

    private Document casePage() {
        var page = browser.get("/cases/" + number);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.html();
    }
}
