package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.channels.email.parse.MimeParser;
import dev.casekeeper.channels.email.parse.ParsedMessage;
import dev.casekeeper.support.Concurrently;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The acknowledgement cap holds when the messages of one sender are ingested at the same moment by
 * different workers (or nodes): each ingestion is its own transaction, as in production.
 */
class AcknowledgementLimitTests extends EmailTestBase {

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    MailboxQueries mailboxes;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseLookup lookup;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void sendsAtMostThreeAcknowledgementsAnHourToOneAddressEvenWhenItsMailIsIngestedConcurrently() throws Exception {
        var mailbox = smtpMailbox(
                null,
                Map.of(
                        "outbound", Map.of("host", "localhost", "port", 9, "security", "none"),
                        "acknowledgement", Map.of("enabled", true)));
        String marker = marker();
        deliver(
                "someone@example.org",
                mailbox.address(),
                plain("someone@example.org", mailbox.address(), "Case " + marker, "Hi"));
        var kase = lookup.summary(
                new CaseId(UUID.fromString(awaitCase(marker).get("id").asString())));
        var row = mailboxes.find(mailbox.id()).orElseThrow();
        String sender = "loop-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var message = MimeParser.parse(
                plain(sender, mailbox.address(), "Hello", "Hi").getBytes(StandardCharsets.UTF_8),
                new MimeParser.Limits(1 << 20, 10, 200_000, 1_000_000, "/a/"));

        Concurrently.run(
                12,
                () -> transactions.execute(status -> {
                    acknowledgements.queue(row, kase, new ParsedMessage.Mailbox(sender, "Loop"), message);
                    return null;
                }));

        assertThat(jdbc.sql(
                                "select count(*) from email.outbound_message where kind = 'acknowledgement' and recipient = :r")
                        .param("r", sender)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }
}
