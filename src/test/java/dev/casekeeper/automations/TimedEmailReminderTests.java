package dev.casekeeper.automations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.TestSmtpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A time-based automation reminds a customer who has left a pending case unanswered for three days:
 * one email, from the mailbox of the case's team to GreenMail, however often the hourly pass runs;
 * the case stays pending.
 */
@MovesTime
class TimedEmailReminderTests extends ApiTestBase {

    @RegisterExtension
    static final TestSmtpServer smtp = new TestSmtpServer();

    @Autowired
    TimedAutomations timed;

    @Test
    void aCustomerWhoLeftAPendingCaseUnansweredForThreeDaysIsRemindedOnceByEmail() throws Exception {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var mailbox = admin().post(
                        "/api/v1/mailboxes",
                        Map.of(
                                "address",
                                "support-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.example.com",
                                "name",
                                "Example Support",
                                "teamId",
                                team,
                                "inbound",
                                Map.of("mode", "smtp"),
                                "outbound",
                                smtp.outbound()));
        assertThat(mailbox.status()).as(mailbox.toString()).isEqualTo(201);
        var remind = admin().post(
                        "/api/v1/automations/timed",
                        Map.of(
                                "name",
                                "Remind after 3 days " + UUID.randomUUID(),
                                "status",
                                "pending",
                                "hours",
                                72,
                                "enabled",
                                true,
                                "conditions",
                                List.of(Map.of("field", "team", "op", "is", "value", team.toString())),
                                "actions",
                                List.of(Map.of(
                                        "type",
                                        "send_email",
                                        "value",
                                        "Hello {{customer.name}}, we are still waiting for your answer on"
                                                + " #{{case.number}}."))));
        assertThat(remind.status()).as(remind.toString()).isEqualTo(201);
        var kase = openCase(agent.api(), team, "Need your order number");
        assertThat(agent.api()
                        .post("/api/v1/cases/" + kase + "/assignment", Map.of("ownerId", agent.id()))
                        .status())
                .isEqualTo(200);
        assertThat(agent.api()
                        .send("PATCH", "/api/v1/cases/" + kase, Map.of("status", "pending"))
                        .status())
                .isEqualTo(200);
        var detail = agent.api().get("/api/v1/cases/" + kase).json();
        long number = detail.get("number").asLong();
        String customer = admin().get(
                        "/api/v1/customers/" + detail.get("requesterId").asString())
                .json()
                .get("emails")
                .get(0)
                .asString();

        TestClock.INSTANCE.advance(Duration.ofHours(71));
        timed.runDue();
        assertThat(smtp.sentTo(customer)).isEmpty();
        TestClock.INSTANCE.advance(Duration.ofHours(2));
        timed.runDue();
        timed.runDue();

        var sent = smtp.awaitOneSentTo(customer);
        assertThat(TestSmtpServer.plainText(sent).strip())
                .startsWith("Hello Maria Lopez, we are still waiting for your answer on #" + number + ".");
        assertThat(sent.getSubject()).contains("[#" + number + "]");
        var after = agent.api().get("/api/v1/cases/" + kase).json();
        assertThat(after.get("status").asString()).isEqualTo("pending");
        assertThat(after.get("timeline")
                        .valueStream()
                        .filter(e -> e.get("kind").asString().equals("message_out"))
                        .map(e -> e.get("authorKind").asString()))
                .containsExactly("system");
        timed.runDue();
        assertThat(smtp.sentTo(customer)).hasSize(1);
        admin().send(
                        "DELETE",
                        "/api/v1/automations/timed/" + remind.json().get("id").asString(),
                        null);
    }
}
