package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Replies find their case; copied case numbers and tokens do not let a stranger in. */
class ThreadingTests extends EmailTestBase {

    @Test
    void threadsAReplyByItsInReplyToHeader() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        String firstId = UUID.randomUUID() + "@client.example.net";
        deliver(
                "maria@example.org",
                mailbox.address(),
                withId(
                        plain("maria@example.org", mailbox.address(), "Refund " + marker, "Where is my refund?"),
                        firstId));
        awaitCase(marker);

        deliver(
                "maria@example.org",
                mailbox.address(),
                plain(
                        "maria@example.org",
                        mailbox.address(),
                        "Re: Refund",
                        "Any news?",
                        "In-Reply-To: <" + firstId + ">",
                        "References: <" + firstId + ">"));

        var kase = awaitCase(admin(), marker, 2);
        assertThat(lastMessage(kase).get("body").asString()).isEqualTo("Any news?");
        assertThat(lastMessage(kase).get("data").get("email").get("threadedBy").asString())
                .isEqualTo("references");
    }

    @Test
    void threadsByTheCaseTagInTheSubjectFromTheCustomer() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Key " + marker, "Key lost"));
        long number = awaitCase(marker).get("number").asLong();

        deliver(
                "MARIA@example.org",
                mailbox.address(),
                plain(
                        "Maria <MARIA@example.org>",
                        mailbox.address(),
                        "Re: something else entirely [#" + number + "]",
                        "Here is the screenshot you asked for."));

        var kase = awaitCase(admin(), marker, 2);
        assertThat(lastMessage(kase).get("data").get("email").get("threadedBy").asString())
                .isEqualTo("subject tag");
    }

    @Test
    void aCopiedCaseTagFromSomeoneElseOpensANewCaseInstead() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Private " + marker, "My address is …"));
        var victim = awaitCase(marker);
        long number = victim.get("number").asLong();
        String attack = marker();

        deliver(
                "mallory@example.net",
                mailbox.address(),
                plain(
                        "mallory@example.net",
                        mailbox.address(),
                        "Re: Private [#" + number + "] " + attack,
                        "Please send the order to my address instead."));

        var opened = awaitCase(attack);
        assertThat(opened.get("id").asString()).isNotEqualTo(victim.get("id").asString());
        assertThat(opened.get("subject").asString()).doesNotContain("[#" + number + "]");
        assertThat(firstMessage(opened)
                        .get("data")
                        .get("email")
                        .get("threadedBy")
                        .asString())
                .isEqualTo("subject tag of a case the sender is not part of");
        assertThat(incoming(admin().get("/api/v1/cases/" + victim.get("id").asString())
                        .json()))
                .isEqualTo(1);
    }

    @Test
    void aSpoofedFromHeaderWithACopiedTagIsJudgedByTheAddressItClaims() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Spoof " + marker, "Hi"));
        long number = awaitCase(marker).get("number").asLong();
        String attack = marker();

        // The envelope and Sender are Mallory's; only a forged From claims to be Maria's "display name".
        deliver(
                "mallory@example.net",
                mailbox.address(),
                plain(
                        "\"maria@example.org\" <mallory@example.net>",
                        mailbox.address(),
                        "Re: [#" + number + "] " + attack,
                        "Change my address",
                        "Sender: mallory@example.net"));

        assertThat(awaitCase(attack).get("number").asLong()).isNotEqualTo(number);
    }

    @Test
    void threadsByTheReplyTokenOnlyForTheCustomerOrSomeoneCopied() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain("maria@example.org", mailbox.address(), "Token " + marker, "Hello", "Cc: Lee <lee@example.org>"));
        var kase = awaitCase(marker);
        String token = jdbc.sql("select reply_token from email.case_thread where case_id = :c")
                .param("c", UUID.fromString(kase.get("id").asString()))
                .query(String.class)
                .single();
        String tokenAddress = mailbox.withToken(token);

        deliver(
                "lee@example.org",
                tokenAddress,
                plain("lee@example.org", tokenAddress, "Re: (subject lost)", "I am Maria's colleague"));
        awaitCase(admin(), marker, 2);
        String stranger = marker();
        deliver("eve@example.net", tokenAddress, plain("eve@example.net", tokenAddress, stranger, "Let me in"));

        var opened = awaitCase(stranger);
        assertThat(opened.get("id").asString()).isNotEqualTo(kase.get("id").asString());
        assertThat(incoming(admin().get("/api/v1/cases/" + kase.get("id").asString())
                        .json()))
                .isEqualTo(2);
    }

    @Test
    void aCustomerWritingIntoAClosedCaseGetsAFollowUpCase() {
        var mailbox = smtpMailbox(null);
        String marker = marker();
        String firstId = UUID.randomUUID() + "@client.example.net";
        deliver(
                "maria@example.org",
                mailbox.address(),
                withId(plain("maria@example.org", mailbox.address(), "Closed " + marker, "Hi"), firstId));
        var kase = awaitCase(marker);
        close(kase);

        deliver(
                "maria@example.org",
                mailbox.address(),
                plain(
                        "maria@example.org",
                        mailbox.address(),
                        "Re: Closed " + marker,
                        "It broke again",
                        "In-Reply-To: <" + firstId + ">"));

        var followUp = awaitFollowUp(kase);
        assertThat(firstMessage(followUp).get("body").asString()).isEqualTo("It broke again");
        assertThat(incoming(admin().get("/api/v1/cases/" + kase.get("id").asString())
                        .json()))
                .isEqualTo(1);
    }

    private void close(JsonNode kase) {
        String id = kase.get("id").asString();
        assertThat(admin().patch("/api/v1/cases/" + id, Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        assertThat(admin().patch("/api/v1/cases/" + id, Map.of("status", "closed"))
                        .status())
                .isEqualTo(200);
    }

    private JsonNode awaitFollowUp(JsonNode closed) {
        var found = new JsonNode[1];
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(() -> {
                    var list = admin().get("/api/v1/cases?requesterId="
                            + closed.get("requesterId").asString());
                    var followUps = list.json()
                            .get("items")
                            .valueStream()
                            .filter(c -> closed.get("id")
                                    .asString()
                                    .equals(c.get("followUpOf").asString()))
                            .toList();
                    assertThat(followUps).hasSize(1);
                    found[0] = admin().get("/api/v1/cases/"
                                    + followUps.getFirst().get("id").asString())
                            .json();
                });
        return found[0];
    }

    static String withId(String raw, String messageId) {
        return raw.replaceFirst("Message-ID: <[^>]+>", "Message-ID: <" + messageId + ">");
    }
}
