package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo's customers sign in to the portal as docs/demo.md tells: the demo desk has no mailbox, so
 * the sign-in mail is written to the log, and the activation-key customer finds her case there with
 * the call Priya promised her.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@ExtendWith(OutputCaptureExtension.class)
class DemoPortalTests {

    private static final String EMAIL = "successful.moore@demo.example";

    @LocalServerPort
    int port;

    @Test
    void theActivationKeyCustomerSignsInWithTheCodeFromTheLogAndSeesHerCaseAndItsNextStep(CapturedOutput output) {
        var session = WebSession.from(port, "127.0.17.42");
        session.get("/portal/sign-in");
        assertThat(session.post("/portal/sign-in", Map.of("email", EMAIL)).location())
                .endsWith("/portal/sign-in/code");
        var mail = Pattern.compile("mail to " + Pattern.quote(EMAIL) + " .*?\\R.*?\\b(\\d{6})\\b");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mail.matcher(output.getAll()).find());
        var matcher = mail.matcher(output.getAll());
        String code = null;
        while (matcher.find()) {
            code = matcher.group(1);
        }

        session.get("/portal/sign-in/code");
        assertThat(session.post("/portal/sign-in/code", Map.of("code", code)).location())
                .endsWith("/portal");

        var requests = session.get("/portal");
        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.html().select("#requests").text())
                .contains("Software stopped working, activation key lost", "Call Successful to reinstall the software");
        // Her newest request may be another story's (the demo's phone line): open the activation-key one.
        var link = requests.html().select("#requests a[href^=/portal/cases/]").stream()
                .filter(a -> a.text().contains("activation key lost"))
                .findFirst()
                .orElse(null);
        assertThat(link).isNotNull();
        var page = session.get(link.attr("href"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("I can restore your licence on your existing account", "Call Successful to reinstall")
                .doesNotContain("Coaching for Tom");
    }
}
