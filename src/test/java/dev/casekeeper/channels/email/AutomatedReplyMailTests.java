package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.TestSmtpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An automation's {@code send_email} goes out like an agent's reply, to GreenMail as the real SMTP
 * server: threaded on the case, from the case's mailbox, filled in for the case, marked automatic; the
 * customer's answer lands on the same case; a robot's automatic mail is not answered
 * (docs/automations.md).
 */
class AutomatedReplyMailTests extends EmailTestBase {

    @RegisterExtension
    static final TestSmtpServer smtp = new TestSmtpServer();

    private final List<String> triggers = new java.util.ArrayList<>();

    /** Triggers stay in every node's memory while they exist: each test removes its own. */
    @AfterEach
    void removeTriggers() {
        triggers.forEach(id -> admin().send("DELETE", "/api/v1/automations/triggers/" + id, null));
    }

    @Test
    void aTriggerOnANewCaseEmailsTheCustomerTheFilledInTemplateAndHerAnswerThreadsBackIntoTheCase() throws Exception {
        var mailbox = smtpMailbox(null, Map.of("outbound", smtp.outbound()));
        String marker = marker();
        String customerAddress = "maria-" + marker.toLowerCase() + "@example.org";
        var created = admin().post(
                        "/api/v1/automations/triggers",
                        Map.of(
                                "name",
                                "We got it " + marker,
                                "event",
                                "case_opened",
                                "enabled",
                                true,
                                "conditions",
                                List.of(Map.of("field", "text", "op", "contains", "value", marker)),
                                "actions",
                                List.of(Map.of(
                                        "type",
                                        "send_email",
                                        "value",
                                        "Hello {{customer.name}},\n\nwe have your request #{{case.number}}"
                                                + " ({{case.subject}}) and answer within a day."))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        triggers.add(created.json().get("id").asString());
        String customerMessageId = UUID.randomUUID() + "@client.example.net";

        deliver(
                customerAddress,
                mailbox.address(),
                ThreadingTests.withId(
                        plain(
                                "Maria Lopez <" + customerAddress + ">",
                                mailbox.address(),
                                "Wrong colour " + marker,
                                "The curtain is blue, I ordered green."),
                        customerMessageId));
        var kase = awaitCase(marker);
        long number = kase.get("number").asLong();

        var sent = smtp.awaitOneSentTo(customerAddress);
        assertThat(TestSmtpServer.plainText(sent).strip())
                .startsWith("Hello Maria Lopez,")
                .contains(
                        "we have your request #" + number + " (Wrong colour " + marker + ") and answer within a day.");
        assertThat(sent.getSubject()).isEqualTo("Re: Wrong colour " + marker + " [#" + number + "]");
        assertThat(sent.getHeader("In-Reply-To")[0]).isEqualTo("<" + customerMessageId + ">");
        assertThat(sent.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(sent.getFrom()[0].toString()).startsWith("Example Support <");
        assertThat(sent.getReplyTo()[0].toString())
                .matches(".*<" + mailbox.address().replace("@", "\\+[a-z0-9]{16}@") + ">");

        var detail = admin().get("/api/v1/cases/" + kase.get("id").asString()).json();
        var reply = replies(detail).getFirst();
        assertThat(reply.get("authorKind").asString()).isEqualTo("system");
        assertThat(reply.get("data").get("automated").get("automation").asString())
                .isEqualTo("We got it " + marker);
        assertThat(detail.get("status").asString())
                .as("an automation's email is no agent's answer")
                .isEqualTo("new");
        assertThat(ran(detail)).contains("email");

        deliver(
                customerAddress,
                mailbox.address(),
                plain(
                        customerAddress,
                        mailbox.address(),
                        "Re: (client dropped the tag)",
                        "Thanks, here is my order number: 40-2215.",
                        "In-Reply-To: " + sent.getMessageID()));
        var answered = awaitCase(admin(), marker, 2);
        assertThat(lastMessage(answered).get("body").asString()).isEqualTo("Thanks, here is my order number: 40-2215.");
        assertThat(replies(answered)).as("the answer sets off no second email").hasSize(1);
    }

    @Test
    void anAutomationDoesNotEmailARobotWhoseAutomaticMailOpenedTheCase() {
        var mailbox = smtpMailbox(null, Map.of("outbound", smtp.outbound()));
        String marker = marker();
        String robot = "robot-" + marker.toLowerCase() + "@example.org";
        var created = admin().post(
                        "/api/v1/automations/triggers",
                        Map.of(
                                "name",
                                "We got it " + marker,
                                "event",
                                "case_opened",
                                "enabled",
                                true,
                                "conditions",
                                List.of(Map.of("field", "text", "op", "contains", "value", marker)),
                                "actions",
                                List.of(Map.of("type", "send_email", "value", "Hello {{customer.name}}."))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        triggers.add(created.json().get("id").asString());

        deliver(
                robot,
                mailbox.address(),
                plain(
                        robot,
                        mailbox.address(),
                        "Out of office " + marker,
                        "I am away until Monday.",
                        "Auto-Submitted: auto-replied"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var list = admin().get("/api/v1/cases?q=" + marker + "&limit=10").json();
            assertThat(list.get("items").size()).isEqualTo(1);
            var detail = admin().get("/api/v1/cases/"
                            + list.get("items").get(0).get("id").asString())
                    .json();
            var reply = replies(detail);
            assertThat(reply).hasSize(1);
            var delivery = reply.getFirst().path("delivery");
            assertThat(delivery.path("state").asString("")).isEqualTo("failed");
            assertThat(delivery.path("detail").asString("")).contains("does not answer automatic mail");
        });
        assertThat(smtp.sentTo(robot)).isEmpty();
    }

    private static List<JsonNode> replies(JsonNode kase) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_out"))
                .toList();
    }

    private static List<String> ran(JsonNode kase) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> "automation_ran".equals(e.path("eventType").asString("")))
                .flatMap(e -> e.get("data").get("changes").valueStream())
                .map(JsonNode::asString)
                .toList();
    }
}
