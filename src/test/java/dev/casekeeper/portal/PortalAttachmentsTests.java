package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.WebSession;
import dev.casekeeper.support.WebSession.Upload;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Files a customer attaches to her reply in the portal: kept with the message and listed to her and
 * to the agent; the type comes from the bytes, never the name; too many, empty or unwelcome files
 * are refused beside the form and change nothing; served so no browser runs them; and nobody but her
 * (and agents who may see the case) reaches a file, by any address.
 */
class PortalAttachmentsTests extends PortalTestBase {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Test
    void repliesWithAPictureThatSheAndTheAgentSeeAndDownloadSafely() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Broken screen", "My screen cracked.");
        var session = signIn(maria);
        session.get("/portal/cases/" + kase.getValue());

        var sent = session.postFiles(
                "/portal/cases/" + kase.getValue() + "/replies",
                Map.of("body", "Here is a photo."),
                List.of(
                        new Upload("files", "screen.png", PNG),
                        new Upload("files", "notes.txt", "Cracked on Monday".getBytes(StandardCharsets.UTF_8))));

        assertThat(sent.location()).as(sent.toString()).endsWith("/portal/cases/" + kase.getValue());
        var page = session.get("/portal/cases/" + kase.getValue()).html();
        var links = page.select(".portal-files a");
        assertThat(links.eachText()).containsExactly("screen.png", "notes.txt");
        var picture = session.download(links.get(0).attr("href"));
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.body()).isEqualTo(PNG);
        assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(picture.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(picture.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("sandbox");
        var text = session.download(links.get(1).attr("href"));
        assertThat(text.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(text.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");

        var files = lastMessage(kase.getKey()).get("data").get("web").get("attachments");
        assertThat(files.get(0).get("contentType").asString()).isEqualTo("image/png");
        var byAgent = admin().get(files.get(0).get("url").asString());
        assertThat(byAgent.status()).isEqualTo(200);
        var agentPage = browser().signIn(ADMIN_EMAIL, ADMIN_PASSWORD).get("/cases/" + kase.getValue());
        assertThat(agentPage.html().select(".mail-attachments a").eachText()).contains("screen.png", "notes.txt");
    }

    @Test
    void takesTheTypeFromTheBytesAndRefusesPagesAndProgramsWhateverTheirName() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Invoice", "Wrong invoice.");
        var session = signIn(maria);

        for (var disguised : List.of(
                new Upload(
                        "files",
                        "invoice.pdf",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                new Upload("files", "photo.png", program()),
                new Upload(
                        "files",
                        "drawing.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                                .getBytes(StandardCharsets.UTF_8)))) {
            session.get("/portal/cases/" + kase.getValue());
            var refused = session.postFiles(
                    "/portal/cases/" + kase.getValue() + "/replies",
                    Map.of("body", "See attached."),
                    List.of(disguised));

            assertThat(refused.status()).as(disguised.filename()).isEqualTo(400);
            assertThat(refused.html().select("#files-error").text())
                    .contains(disguised.filename(), "not a kind of file we take");
            assertThat(refused.html().select("#body").text()).isEqualTo("See attached.");
        }
        assertThat(messages(kase.getKey())).hasSize(1);
    }

    @Test
    void refusesMoreFilesThanAllowedAndEmptyOnesAndChangesNothing() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Photos", "Many photos.");
        var session = signIn(maria);
        session.get("/portal/cases/" + kase.getValue());

        var tooMany = session.postFiles(
                "/portal/cases/" + kase.getValue() + "/replies",
                Map.of("body", "All of them."),
                IntStream.range(0, PortalAttachments.MAX_FILES + 1)
                        .mapToObj(i -> new Upload("files", "p" + i + ".png", PNG))
                        .toList());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.html().select("#files-error").text()).contains("at most " + PortalAttachments.MAX_FILES);

        var empty = session.postFiles(
                "/portal/cases/" + kase.getValue() + "/replies",
                Map.of("body", "Empty."),
                List.of(new Upload("files", "nothing.txt", new byte[0])));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.html().select("#files-error").text()).contains("nothing.txt is empty");
        assertThat(messages(kase.getKey())).hasSize(1);
    }

    @Test
    void refusesAFileOverTheSizeLimitWholeAndChangesNothing() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Video", "A long video.");
        var session = signIn(maria);
        session.get("/portal/cases/" + kase.getValue());
        var huge = new byte[(PortalAttachments.MAX_FILE_MB + 1) * 1024 * 1024];

        var refused = session.postFiles(
                "/portal/cases/" + kase.getValue() + "/replies",
                Map.of("body", "The video."),
                List.of(new Upload("files", "video.png", huge)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(messages(kase.getKey())).hasSize(1);
    }

    @Test
    void anotherCustomerOrAnyoneElseReachesNoFileByAnyAddress() {
        var lee = newCustomer("Lee Chen");
        var leesCase = openCaseFor(lee, "Private matter of Lee", "Passport scan follows.");
        var leeSession = signIn(lee);
        leeSession.get("/portal/cases/" + leesCase.getValue());
        leeSession.postFiles(
                "/portal/cases/" + leesCase.getValue() + "/replies",
                Map.of("body", "My passport."),
                List.of(new Upload("files", "passport.png", PNG)));
        String id = lastMessage(leesCase.getKey())
                .get("data")
                .get("web")
                .get("attachments")
                .get(0)
                .get("id")
                .asString();
        assertThat(leeSession.download("/portal/attachments/" + id).statusCode())
                .isEqualTo(200);

        var maria = newCustomer("Maria Lopez");
        var mariaSession = signIn(maria);
        for (String path : List.of(
                "/portal/attachments/" + id,
                "/portal/attachments/" + UUID.randomUUID(),
                "/portal/attachments/not-an-id",
                "/api/portal/v1/cases/" + leesCase.getValue())) {
            var response = mariaSession.download(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(response.body(), StandardCharsets.ISO_8859_1))
                    .as(path)
                    .doesNotContain("PNG", "passport");
        }
        // Her portal session is no agent's: the agents' address of the file is not hers either.
        assertThat(mariaSession.download("/attachments/web/" + id).statusCode()).isIn(302, 401);
        assertThat(mariaSession.download("/api/v1/attachments/web/" + id).statusCode())
                .isEqualTo(401);
        var nobody = WebSession.anonymous(port);
        assertThat(nobody.download("/portal/attachments/" + id).statusCode()).isEqualTo(302);
        assertThat(anonymous().get("/api/v1/attachments/web/" + id).status()).isEqualTo(401);
    }

    /** The start of a Windows program. */
    private static byte[] program() {
        var bytes = new byte[256];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[60] = (byte) 0x80;
        bytes[128] = 'P';
        bytes[129] = 'E';
        return bytes;
    }

    private List<JsonNode> messages(UUID caseId) {
        return admin().get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().startsWith("message"))
                .toList();
    }

    private JsonNode lastMessage(UUID caseId) {
        return messages(caseId).getLast();
    }
}
