package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mail sent to the listener becomes a readable, safe case entry. */
class EmailIngestionTests extends EmailTestBase {

    @Test
    void opensACaseInTheMailboxTeamForANewConversation() {
        UUID team = newTeam();
        var mailbox = smtpMailbox(team);
        String marker = marker();

        // A sender no other test writes from: a known customer keeps the name they already have.
        String sender = "maria." + marker.toLowerCase(java.util.Locale.ROOT) + "@example.org";
        deliver(
                sender,
                mailbox.address(),
                plain(
                        "Maria Lopez <" + sender + ">",
                        mailbox.address(),
                        "My activation key is gone " + marker,
                        "I reinstalled Windows and the key no longer works."));

        var kase = awaitCase(marker);
        assertThat(kase.get("subject").asString()).isEqualTo("My activation key is gone " + marker);
        assertThat(kase.get("channel").asString()).isEqualTo("email");
        assertThat(kase.get("teamId").asString()).isEqualTo(team.toString());
        assertThat(kase.get("status").asString()).isEqualTo("new");
        var entry = firstMessage(kase);
        assertThat(entry.get("body").asString()).isEqualTo("I reinstalled Windows and the key no longer works.");
        assertThat(entry.get("authorKind").asString()).isEqualTo("customer");
        var email = entry.get("data").get("email");
        assertThat(email.get("from").asString()).isEqualTo("Maria Lopez <" + sender + ">");
        assertThat(email.get("messageId").asString()).endsWith("@client.example.net");
        assertThat(email.get("automatic").isNull()).isTrue();
        var customer = admin().get(
                        "/api/v1/customers/" + kase.get("requesterId").asString())
                .json();
        assertThat(customer.get("displayName").asString()).isEqualTo("Maria Lopez");
    }

    @Test
    void sanitizesHtmlAndKeepsItsTextReadable() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        String html = """
                <html><head><style>p{color:red}</style><script>steal(document.cookie)</script></head>
                <body onload="steal()"><p>Hello,</p><p>my order <b>#4471</b> arrived <a href="javascript:steal()">broken</a>.</p>
                <img src="x" onerror="steal()"><p>See <a href="https://shop.example.com/orders/4471">the order</a>.</p>
                <iframe src="https://evil.example.net"></iframe></body></html>""";

        deliver(
                "ana@example.org",
                mailbox.address(),
                multipart(
                        "ana@example.org",
                        mailbox.address(),
                        "Broken " + marker,
                        "multipart/alternative",
                        part("text/html; charset=utf-8", html)));

        var entry = firstMessage(awaitCase(marker));
        String stored = entry.get("html").asString();
        assertThat(stored).contains("#4471").contains("https://shop.example.com/orders/4471");
        assertThat(stored.toLowerCase())
                .doesNotContain("<script")
                .doesNotContain("onerror")
                .doesNotContain("onload")
                .doesNotContain("javascript:")
                .doesNotContain("<iframe")
                .doesNotContain("steal(");
        assertThat(entry.get("body").asString())
                .isEqualTo(
                        "Hello,\n\nmy order #4471 arrived broken.\n\nSee the order <https://shop.example.com/orders/4471>.");
    }

    @Test
    void readsTextWhoseCharsetIsMislabelled() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        String raw = plain("jürgen@example.de", mailbox.address(), "Umlaute " + marker, "Grüße aus Köln — danke!")
                .replace("charset=utf-8", "charset=us-ascii");

        deliver("j@example.de", mailbox.address(), raw);

        assertThat(firstMessage(awaitCase(marker)).get("body").asString()).isEqualTo("Grüße aus Köln — danke!");
    }

    @Test
    void foldsTheQuotedHistoryAwayButKeepsIt() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        String body = """
                Yes, the order number is 4471.

                On Mon, 2 Mar 2026 at 09:12, Example Support <support@desk.example.com> wrote:
                > Could you tell us your order number?
                >
                > Kind regards""";

        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Re: order " + marker, body));

        var entry = firstMessage(awaitCase(marker));
        assertThat(entry.get("body").asString()).isEqualTo("Yes, the order number is 4471.");
        assertThat(entry.get("data").get("email").get("quotedText").asString())
                .startsWith("On Mon, 2 Mar 2026")
                .contains("> Could you tell us your order number?");
    }

    @Test
    void aMessageWithNulCharactersIsIngestedWithoutThemAndSaysSo() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        String raw = "From: Ma\u0000ria <maria@example.org>\r\nTo: " + mailbox.address() + "\r\nSubject: Nul " + marker
                + "\u0000\r\n"
                + "Message-ID: <nul\u0000" + marker + "@client.example.net>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe text\u0000 goes on.\r\n"
                + "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>The html\u0000 goes on.</p>\r\n--b--\r\n";

        deliver("maria@example.org", mailbox.address(), raw);

        var entry = firstMessage(awaitCase(marker));
        assertThat(entry.get("body").asString()).isEqualTo("The text goes on.");
        assertThat(entry.get("data").get("email").get("messageId").asString())
                .isEqualTo("nul" + marker + "@client.example.net");
        assertThat(entry.get("data").get("email").get("warnings").toString()).contains("NUL characters");
    }

    @Test
    void keepsAttachmentsAndShowsInlineImagesFromTheCaseOnly() {
        UUID team = newTeam();
        var mailbox = smtpMailbox(team);
        String marker = marker();
        byte[] png = Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        String raw = multipart(
                "maria@example.org",
                mailbox.address(),
                "Photo " + marker,
                "multipart/mixed",
                "Content-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
                        + "--rel\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                        + "<p>The dent:</p><img src=\"cid:dent@x\">\r\n"
                        + "--rel\r\nContent-Type: image/png\r\nContent-ID: <dent@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getEncoder().encodeToString(png) + "\r\n--rel--\r\n",
                "Content-Type: text/html; name=\"invoice.html\"\r\nContent-Disposition: attachment; filename=\"invoice.html\"\r\n\r\n"
                        + "<script>alert(1)</script>\r\n");

        deliver("maria@example.org", mailbox.address(), raw);

        var entry = firstMessage(awaitCase(marker));
        var attachments = entry.get("data").get("email").get("attachments");
        assertThat(attachments.size()).isEqualTo(2);
        var image = attachments.get(0);
        assertThat(image.get("contentType").asString()).isEqualTo("image/png");
        assertThat(image.get("inline").asBoolean()).isTrue();
        assertThat(entry.get("html").asString())
                .contains("src=\"/email/attachments/" + image.get("id").asString() + "\"");
        var served = admin().get(image.get("url").asString());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.text().getBytes(StandardCharsets.ISO_8859_1)).isNotEmpty();
        var html = attachments.get(1);
        assertThat(html.get("filename").asString()).isEqualTo("invoice.html");
        var download = admin().get(html.get("url").asString());
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        var outsider = newAgent("agent", newTeam());
        assertThat(outsider.api().get(image.get("url").asString()).status()).isEqualTo(404);
        assertThat(outsider.api()
                        .get(entry.get("data").get("email").get("rawUrl").asString())
                        .status())
                .isEqualTo(404);
        var original = admin().get(entry.get("data").get("email").get("rawUrl").asString());
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.text()).contains("Photo " + marker);
    }

    static String multipart(String from, String to, String subject, String type, String... parts) {
        var message = new StringBuilder();
        message.append("From: ")
                .append(from)
                .append("\r\nTo: ")
                .append(to)
                .append("\r\nSubject: ")
                .append(subject)
                .append("\r\nMessage-ID: <")
                .append(UUID.randomUUID())
                .append("@client.example.net>\r\nMIME-Version: 1.0\r\n")
                .append("Content-Type: ")
                .append(type)
                .append("; boundary=\"outer\"\r\n\r\n");
        for (String part : parts) {
            message.append("--outer\r\n").append(part).append("\r\n");
        }
        return message.append("--outer--\r\n").toString();
    }

    static String part(String contentType, String content) {
        return "Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + content;
    }
}
