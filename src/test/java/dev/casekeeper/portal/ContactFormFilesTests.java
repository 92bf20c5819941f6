package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession.Upload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Files on the web form: kept with the new case's first message, which the agent sees and the
 * customer finds in the portal; a file refused by its sniffed type refuses the form and opens nothing.
 */
@MovesTime
class ContactFormFilesTests extends PortalTestBase {

    @Test
    void opensTheCaseWithTheFilesWhichTheAgentSeesAndTheCustomerDownloadsInThePortal() {
        var maria = newCustomer("Maria Lopez");
        String marker = UUID.randomUUID().toString();
        var session = browser();
        session.get("/contact");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));

        var sent = session.postFiles(
                "/contact",
                form(maria.email(), "Broken " + marker),
                List.of(new Upload("files", "receipt.png", PortalAttachmentsTests.PNG)));

        assertThat(sent.location()).as(sent.toString()).endsWith("/contact/sent");
        var kase = admin().get("/api/v1/cases?q=" + marker).json().get("items").get(0);
        var entry = admin().get("/api/v1/cases/" + kase.get("id").asString())
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_in"))
                .findFirst()
                .orElseThrow();
        var file = entry.get("data").get("web").get("attachments").get(0);
        assertThat(file.get("filename").asString()).isEqualTo("receipt.png");
        assertThat(admin().get(file.get("url").asString()).status()).isEqualTo(200);
        var portal = signIn(maria);
        var link = portal.get("/portal/cases/" + kase.get("number").asLong())
                .html()
                .select(".portal-files a");
        assertThat(link.eachText()).containsExactly("receipt.png");
        assertThat(portal.download(link.attr("href")).body()).isEqualTo(PortalAttachmentsTests.PNG);
    }

    @Test
    void refusesAFileThatIsNotWhatItsNameSaysAndOpensNoCase() {
        String marker = UUID.randomUUID().toString();
        var session = browser();
        session.get("/contact");
        TestClock.INSTANCE.advance(Duration.ofSeconds(5));

        var refused = session.postFiles(
                "/contact",
                form("m-" + marker + "@example.com", "Key " + marker),
                List.of(new Upload(
                        "files",
                        "receipt.pdf",
                        "<html><body>not a pdf</body></html>".getBytes(StandardCharsets.UTF_8))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#files-error").text()).contains("receipt.pdf", "not a kind of file we take");
        assertThat(refused.html().select("#topic").val()).isEqualTo("Key " + marker);
        assertThat(admin().get("/api/v1/cases?q=" + marker).json().get("items").size())
                .isZero();
    }

    private static Map<String, String> form(String email, String topic) {
        var form = new LinkedHashMap<String, String>();
        form.put("name", "Maria Lopez");
        form.put("email", email);
        form.put("topic", topic);
        form.put("description", "See the file.");
        form.put("website", "");
        return form;
    }
}
