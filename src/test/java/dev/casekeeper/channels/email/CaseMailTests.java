package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agent's email on a case through the API, against a real SMTP server (GreenMail): a reply goes
 * to the To, Cc and Bcc the agent chose from the mailbox they chose, and says so on the timeline; a
 * forward goes to a third party only, is recorded as a forward, and only the addressee's answer
 * threads back into the case.
 */
class CaseMailTests extends EmailTestBase {

    static final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeAll
    static void startMailServer() {
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    private Map<String, Object> outbound() {
        return Map.of(
                "outbound",
                Map.of("host", "localhost", "port", greenMail.getSmtp().getPort(), "security", "none"));
    }

    private static String address(String who) {
        return who + "@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
    }

    @Test
    void aReplyGoesToTheChosenToCcAndBccFromTheChosenMailboxAndTheTimelineSaysToWhom() throws Exception {
        var came = smtpMailbox(null, outbound());
        var other = smtpMailbox(null, outbound());
        String customer = address("amara");
        String colleague = address("colleague");
        String partner = address("partner");
        String boss = address("boss");
        String marker = marker();
        deliver(
                customer,
                came.address(),
                plain(customer, came.address(), "Order " + marker, "Where is it?", "Cc: " + colleague));
        var kase = awaitCase(marker);
        String id = kase.get("id").asString();

        var addressing = admin().get("/api/v1/email/cases/" + id + "/addressing");
        assertThat(addressing.status()).isEqualTo(200);
        assertThat(addressing.json().get("to").asString()).isEqualTo(customer);
        assertThat(addressing.json().get("cc").valueStream().map(JsonNode::asString))
                .containsExactly(colleague);
        assertThat(addressing.json().get("defaultMailboxId").asString())
                .isEqualTo(came.id().toString());

        var replied = admin().post(
                        "/api/v1/email/cases/" + id + "/replies",
                        Map.of(
                                "to", List.of(customer),
                                "cc", List.of(colleague, partner),
                                "bcc", List.of(boss),
                                "mailboxId", other.id().toString(),
                                "body", "It left our warehouse today."));

        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
        assertThat(replied.json().get("kind").asString()).isEqualTo("message_out");
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(marker).size() == 4);
        var copy = sent(marker).getFirst();
        assertThat(copy.getFrom()[0].toString()).contains(other.address());
        assertThat(copy.getRecipients(RecipientType.TO)[0].toString()).isEqualTo(customer);
        assertThat(Arrays.stream(copy.getRecipients(RecipientType.CC)).map(Object::toString))
                .containsExactly(colleague, partner);
        assertThat(copy.getHeader("Bcc")).isNull();
        for (String each : List.of(customer, colleague, partner, boss)) {
            assertThat(greenMail.getUserManager().getUserByEmail(each)).as(each).isNotNull();
        }
        var entry = lastOut(id);
        assertThat(entry.get("data").get("addressed").get("bcc").valueStream().map(JsonNode::asString))
                .containsExactly(boss);
        assertThat(entry.get("data").get("addressed").get("from").asString()).isEqualTo(other.address());
    }

    @Test
    void aWrongCcIsRefusedNamingItAndNothingIsRecorded() {
        var came = smtpMailbox(null, outbound());
        String customer = address("lee");
        String marker = marker();
        deliver(customer, came.address(), plain(customer, came.address(), "Warranty " + marker, "Hello"));
        var kase = awaitCase(marker);
        String id = kase.get("id").asString();
        int before = kase.get("timeline").size();

        var refused = admin().post(
                        "/api/v1/email/cases/" + id + "/replies",
                        Map.of("to", List.of(customer), "cc", List.of("not an address"), "body", "Hi"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("cc", "not an address is not an email address");
        assertThat(admin().get("/api/v1/cases/" + id).json().get("timeline").size())
                .isEqualTo(before);
    }

    @Test
    void aForwardGoesToTheThirdPartyOnlyAndOnlyTheirAnswerThreadsBack() throws Exception {
        var came = smtpMailbox(null, outbound());
        String customer = address("priya");
        String courier = address("courier");
        String stranger = address("stranger");
        String marker = marker();
        deliver(customer, came.address(), plain(customer, came.address(), "Parcel " + marker, "It never came."));
        var kase = awaitCase(marker);
        String id = kase.get("id").asString();
        String message = firstMessage(kase).get("id").asString();

        var forwarded = admin().post(
                        "/api/v1/email/cases/" + id + "/forwards",
                        Map.of("to", List.of(courier), "entryId", message, "body", "Can you trace this parcel?"));

        assertThat(forwarded.status()).as(forwarded.toString()).isEqualTo(201);
        assertThat(forwarded.json().get("kind").asString()).isEqualTo("note");
        assertThat(forwarded.json().get("forward").get("entryId").asString()).isEqualTo(message);
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(marker).size() == 1);
        var forward = sent(marker).getFirst();
        assertThat(greenMail.getUserManager().getUserByEmail(courier)).isNotNull();
        assertThat(greenMail.getUserManager().getUserByEmail(customer)).isNull();
        assertThat(forward.getSubject()).startsWith("Fwd: Parcel " + marker);
        assertThat(forward.getContent().toString()).contains("Can you trace this parcel?", "It never came.");
        assertThat(forward.getRecipients(RecipientType.CC)).isNull();

        String forwardId = forward.getMessageID().replaceAll("[<>]", "");
        String replyTo = forward.getReplyTo()[0].toString().replaceAll(".*<|>.*", "");
        deliver(
                stranger,
                replyTo,
                plain(stranger, replyTo, "Re: " + forward.getSubject(), "Not me.", "In-Reply-To: <" + forwardId + ">"));
        deliver(
                courier,
                replyTo,
                plain(
                        courier,
                        replyTo,
                        "Re: " + forward.getSubject(),
                        "Delivered to a neighbour.",
                        "In-Reply-To: <" + forwardId + ">"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> incoming(admin().get("/api/v1/cases/" + id).json()) == 2);
        var answered = admin().get("/api/v1/cases/" + id).json();
        var answer = lastMessage(answered);
        assertThat(answer.get("body").asString()).contains("Delivered to a neighbour.");
        assertThat(answer.get("data").get("email").get("threadedBy").asString()).isEqualTo("answer to a forward");
        assertThat(answered.get("timeline")
                        .valueStream()
                        .filter(e -> e.get("kind").asString().equals("message_in"))
                        .map(e -> e.get("body").asString()))
                .noneMatch(b -> b.contains("Not me."));
        // The stranger's message opened a case of its own.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from cases.support_case where subject like :m")
                                .param("m", "%" + marker + "%")
                                .query(Integer.class)
                                .single()
                        == 2);
        // The customer was told nothing, and the courier is not copied on her replies.
        assertThat(sent(marker)).hasSize(1);
        assertThat(admin().get("/api/v1/email/cases/" + id + "/addressing")
                        .json()
                        .get("cc")
                        .size())
                .isZero();
    }

    private JsonNode lastOut(String id) {
        return admin().get("/api/v1/cases/" + id)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_out"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static List<MimeMessage> sent(String marker) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject() != null && m.getSubject().contains(marker);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
