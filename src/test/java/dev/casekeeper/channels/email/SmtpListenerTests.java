package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbound SMTP listener, through real SMTP sessions. */
class SmtpListenerTests extends EmailTestBase {

    @Test
    void storesTheMessageBeforeItAnswers250() {
        var mailbox = smtpMailbox(null);
        String messageId = UUID.randomUUID() + "@client.example.net";
        String raw = plain(
                        "maria@example.org",
                        mailbox.address(),
                        "Activation key " + marker(),
                        "Hello",
                        "Message-ID: <" + messageId + ">")
                .replaceFirst("Message-ID: <[^>]+>\r\n", "");

        String reply = send("maria@example.org", mailbox.address(), raw);

        assertThat(reply).startsWith("250");
        // No waiting: the 250 was only sent after the commit.
        var stored = jdbc.sql("select raw, envelope_from, source from email.inbound_message where message_id = :id")
                .param("id", messageId)
                .query((rs, n) ->
                        new Object[] {rs.getBytes("raw"), rs.getString("envelope_from"), rs.getString("source")})
                .list();
        assertThat(stored).hasSize(1);
        assertThat(new String((byte[]) stored.getFirst()[0], StandardCharsets.UTF_8))
                .contains("Hello")
                .contains(messageId);
        assertThat(stored.getFirst()[1]).isEqualTo("maria@example.org");
        assertThat(stored.getFirst()[2]).isEqualTo("smtp");
    }

    @Test
    void refusesRecipientsWithoutAMailboxSoItRelaysNothing() {
        var mailbox = smtpMailbox(null);
        try (var smtp = new SmtpConversation(smtpPort())) {
            assertThat(smtp.greeting).startsWith("220");
            smtp.command("EHLO spammer.example.net");
            assertThat(smtp.command("MAIL FROM:<spammer@example.net>")).startsWith("250");

            assertThat(smtp.command("RCPT TO:<victim@elsewhere.example.org>")).startsWith("550");
            assertThat(smtp.command("RCPT TO:<nobody@desk.example.com>")).startsWith("550");
            assertThat(smtp.command("DATA")).startsWith("503");
            assertThat(smtp.command("RCPT TO:<" + mailbox.address() + ">")).startsWith("250");
        }
    }

    @Test
    void refusesMailForAnInactiveMailboxOrOneThatFetchesByImap() {
        var inactive = smtpMailbox(null, Map.of("active", false));
        var imap = admin().post(
                        "/api/v1/mailboxes",
                        Map.of(
                                "address",
                                "imap-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.example.com",
                                "inbound",
                                Map.of("mode", "imap", "host", "imap.invalid", "username", "u", "password", "p")));

        assertThat(send("a@example.org", inactive.address(), plain("a@example.org", inactive.address(), "x", "x")))
                .startsWith("550");
        assertThat(send("a@example.org", imap.json().get("address").asString(), "x"))
                .startsWith("550");
    }

    @Test
    void acceptsAReplyTokenAddressOfAMailbox() {
        var mailbox = smtpMailbox(null);

        assertThat(send(
                        "a@example.org",
                        mailbox.withToken("abc123"),
                        plain("a@example.org", mailbox.withToken("abc123"), "x", "x")))
                .startsWith("250");
    }

    @Test
    void refusesAMessageOverTheSizeLimitAndKeepsTheSessionUsable() {
        var mailbox = smtpMailbox(null);
        byte[] big = new byte[26 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        for (int i = 76; i < big.length; i += 78) {
            big[i] = '\r';
            big[i + 1] = '\n';
        }
        String marker = marker();
        try (var smtp = new SmtpConversation(smtpPort())) {
            assertThat(smtp.command("EHLO client.example.net")).contains("SIZE 26214400");
            assertThat(smtp.command("MAIL FROM:<a@example.org> SIZE=" + big.length))
                    .startsWith("552");

            assertThat(smtp.command("MAIL FROM:<a@example.org>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + mailbox.address() + ">")).startsWith("250");
            byte[] message = concat(("Subject: " + marker + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), big);
            assertThat(smtp.data(message)).startsWith("552");

            // Sending servers reset after a refused message, as RFC 5321 clients do.
            assertThat(smtp.command("RSET")).startsWith("250");
            assertThat(smtp.command("MAIL FROM:<a@example.org>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + mailbox.address() + ">")).startsWith("250");
            assertThat(smtp.data(plain("a@example.org", mailbox.address(), "small " + marker, "fits")
                            .getBytes(StandardCharsets.UTF_8)))
                    .startsWith("250");
        }
        assertThat(jdbc.sql("select count(*) from email.inbound_message where mailbox_id = :m")
                        .param("m", mailbox.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void storesTheSameMessageDeliveredTwiceOnce() {
        var mailbox = smtpMailbox(null);
        String raw = plain(
                "maria@example.org", mailbox.address(), "Twice " + marker(), "Same bytes, sent again after a timeout");

        assertThat(send("maria@example.org", mailbox.address(), raw)).startsWith("250");
        assertThat(send(
                        "maria@example.org",
                        mailbox.address(),
                        "Received: from relay2.example.net by mx.example.com; Tue, 03 Mar 2026 10:05:00 +0000\r\n"
                                + raw))
                .startsWith("250");

        assertThat(jdbc.sql("select count(*) from email.inbound_message where mailbox_id = :m")
                        .param("m", mailbox.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
