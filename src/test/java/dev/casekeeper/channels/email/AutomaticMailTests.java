package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Auto-replies and bounces are recorded on the case, never reopen it and are never answered. */
class AutomaticMailTests extends EmailTestBase {

    @Test
    void anOutOfOfficeReplyIsRecordedButLeavesASolvedCaseSolved() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        String firstId = UUID.randomUUID() + "@client.example.net";
        deliver(
                "maria@example.org",
                mailbox.address(),
                ThreadingTests.withId(
                        plain("maria@example.org", mailbox.address(), "Solved " + marker, "Thanks, all good now"),
                        firstId));
        String caseId = awaitCase(marker).get("id").asString();
        assertThat(admin().patch("/api/v1/cases/" + caseId, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);

        deliver(
                "maria@example.org",
                mailbox.address(),
                plain(
                        "maria@example.org",
                        mailbox.address(),
                        "Out of office: Re: Solved",
                        "I am away until Monday.",
                        "Auto-Submitted: auto-replied",
                        "In-Reply-To: <" + firstId + ">"));

        var kase = awaitCase(admin(), marker, 2);
        assertThat(kase.get("status").asString()).isEqualTo("solved");
        assertThat(lastMessage(kase).get("data").get("email").get("automatic").asString())
                .isEqualTo("auto-submitted: auto-replied");
    }

    @Test
    void aBounceOfAReplyIsFiledWithTheCaseByTheOriginalItReturns() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Typo " + marker, "Hi"));
        var kase = awaitCase(marker);
        String ourReply = UUID.randomUUID() + "@desk.example.com";
        jdbc.sql(
                        "insert into email.message_ref (message_id, case_id, direction, created_at) values (:m, :c, 'out', now())")
                .param("m", ourReply)
                .param("c", UUID.fromString(kase.get("id").asString()))
                .update();
        String bounce = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org
                Final-Recipient: rfc822; maria@example.org
                Action: failed
                Status: 5.1.1

                --b
                Content-Type: text/rfc822-headers

                From: support@desk.example.com
                To: maria@example.org
                Subject: Re: Typo
                Message-ID: <%s>

                --b--
                """.formatted(mailbox.address(), UUID.randomUUID(), ourReply);

        assertThat(send("", mailbox.address(), bounce)).startsWith("250");

        var updated = awaitCase(admin(), marker, 2);
        var entry = lastMessage(updated);
        assertThat(entry.get("data").get("email").get("automatic").asString())
                .isEqualTo("bounce: sent with the null sender <>");
        assertThat(entry.get("data").get("email").get("threadedBy").asString()).isEqualTo("returned original");
        assertThat(entry.get("body").asString())
                .contains("could not be delivered")
                .contains("Status: 5.1.1");
        assertThat(updated.get("status").asString()).isEqualTo("new");
    }

    @Test
    void anUnthreadedAutoReplyOpensACaseTaggedAutomatic() {
        var mailbox = smtpMailbox(null);
        String marker = marker();

        deliver(
                "newsletter@shop.example",
                mailbox.address(),
                plain(
                        "Shop <newsletter@shop.example>",
                        mailbox.address(),
                        "Our spring sale " + marker,
                        "50% off",
                        "List-Unsubscribe: <mailto:unsubscribe@shop.example>",
                        "Precedence: bulk"));

        var kase = awaitCase(marker);
        assertThat(kase.get("tags").valueStream().map(t -> t.asString())).containsExactly("automatic");
        assertThat(firstMessage(kase).get("data").get("email").get("automatic").asString())
                .isEqualTo("precedence: bulk");
    }
}
