package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.WebSession;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What an agent sees of email on the case page: attachments, quoted history, automatic mail, delivery of replies. */
class EmailCasePageTests extends EmailTestBase {

    @Test
    void showsAttachmentsInlineImagesAndTheFoldedHistoryOfAMail() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var mailbox = smtpMailbox(team);
        String marker = marker();
        byte[] png = Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        String raw = EmailIngestionTests.multipart(
                "maria@example.org",
                mailbox.address(),
                "Dented kettle " + marker,
                "multipart/mixed",
                "Content-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
                        + "--rel\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                        + "<p>The dent:</p><img src=\"cid:dent@x\">"
                        + "<blockquote type=\"cite\">On Monday you wrote: we will send a new one</blockquote>\r\n"
                        + "--rel\r\nContent-Type: image/png\r\nContent-ID: <dent@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getEncoder().encodeToString(png) + "\r\n--rel--\r\n",
                "Content-Type: application/pdf; name=\"receipt.pdf\"\r\nContent-Disposition: attachment; filename=\"receipt.pdf\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getEncoder().encodeToString("%PDF-1.4".getBytes()) + "\r\n");
        deliver("maria@example.org", mailbox.address(), raw);
        long number = awaitCase(marker).get("number").asLong();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var page = casePage(browser, number);

        var entry = page.selectFirst("#timeline .entry-customer");
        assertThat(entry.select(".entry-body img").attr("src")).startsWith("/email/attachments/");
        assertThat(browser.get(entry.select(".entry-body img").attr("src")).status())
                .isEqualTo(200);
        var attachment = entry.select(".mail-attachments a");
        assertThat(attachment.text()).isEqualTo("receipt.pdf");
        assertThat(entry.select(".mail-attachments").text()).contains("application/pdf");
        assertThat(browser.get(attachment.attr("href")).status()).isEqualTo(200);
        assertThat(entry.select(".mail-quoted .entry-text").text()).contains("we will send a new one");
        assertThat(browser.get(entry.select(".mail-original a").attr("href")).text())
                .contains("Dented kettle " + marker);
    }

    @Test
    void marksAutomaticMailAsRecordedAndUnanswered() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain(
                        "maria@example.org",
                        mailbox.address(),
                        "Out of office " + marker,
                        "I am away until Monday.",
                        "Auto-Submitted: auto-replied"));
        long number = awaitCase(marker).get("number").asLong();
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        var page = casePage(admin, number);

        assertThat(page.select("#timeline .entry-customer .mail-automatic").text())
                .contains("Automatic mail", "never answered");
    }

    @Test
    void showsAReplyThatCouldNotBeDeliveredWithTheReason() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var mailbox = smtpMailbox(
                null, Map.of("outbound", Map.of("host", "localhost", "port", closedPort, "security", "none")));
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Unreachable " + marker, "Hi"));
        var kase = awaitCase(marker);
        admin().post("/api/v1/cases/" + kase.get("id").asString() + "/replies", Map.of("body", "We are on it."));
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var delivery =
                    casePage(admin, kase.get("number").asLong()).select("#timeline .entry-reply .entry-delivery");
            assertThat(delivery.select(".badge").text()).isEqualTo("Not delivered");
            assertThat(delivery.select(".delivery-detail").text()).contains("localhost:" + closedPort);
        });
    }

    @Test
    void showsThePlainTextOfAMailWhoseHtmlShowsNothing() {
        var mailbox = smtpMailbox(null);
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        for (String repro : new String[] {"R1-", "R2-"}) {
            String marker = marker();
            deliver("repro.aba5a@cust.test", mailbox.address(), repro(repro, marker));
            long number = awaitCase(marker).get("number").asLong();

            var entry = casePage(admin, number).selectFirst("#timeline .entry-customer");

            assertThat(entry.select(".entry-body").text())
                    .as(repro)
                    .isEqualTo("Visible plain text " + repro.substring(0, 2));
        }
    }

    @Test
    void listsAnInlineImageThatNoHtmlShowsAndShowsIt() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        deliver("repro.aba5a@cust.test", mailbox.address(), repro("R6-", marker));
        long number = awaitCase(marker).get("number").asLong();
        var admin = WebSession.anonymous(port).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        var entry = casePage(admin, number).selectFirst("#timeline .entry-customer");

        assertThat(entry.select(".entry-body").text()).isEqualTo("Visible plain text R6, photo of the damage below");
        var link = entry.select(".mail-attachments a");
        assertThat(link.text()).isEqualTo("damage.png");
        assertThat(entry.select(".mail-attachments img.attachment-preview").attr("src"))
                .isEqualTo(link.attr("href"));
        assertThat(admin.get(link.attr("href")).status()).isEqualTo(200);
    }

    /** A message of the email-repro corpus with {@code marker} added to its subject, so this test finds its case. */
    static String repro(String prefix, String marker) {
        String raw = new String(Corpora.repro(prefix), java.nio.charset.StandardCharsets.UTF_8);
        return raw.replaceFirst("(?m)^Subject: ([^\r\n]*)", "Subject: $1 " + marker);
    }

    private static Document casePage(WebSession browser, long number) {
        var page = browser.get("/cases/" + number);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.html();
    }
}
