package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Email flow tests: the whole application, mailboxes made through the API, mail sent over real SMTP. */
abstract class EmailTestBase extends ApiTestBase {

    @Autowired
    SmtpListener listener;

    @Autowired
    protected JdbcClient jdbc;

    /**
     * The IMAP servers of a test go away with it: its mailboxes must not go on polling them, and
     * logging the failure, for the rest of the run.
     */
    @AfterEach
    void stopPollingImapMailboxes() {
        jdbc.sql("update email.mailbox set active = false where inbound_mode = 'imap'")
                .update();
    }

    /** A mailbox created by the admin, and its address. */
    record TestMailbox(UUID id, String address) {

        String withToken(String token) {
            return address.replace("@", "+" + token + "@");
        }
    }

    TestMailbox smtpMailbox(@Nullable UUID team) {
        return smtpMailbox(team, null);
    }

    TestMailbox smtpMailbox(@Nullable UUID team, @Nullable Map<String, Object> extra) {
        var body = new LinkedHashMap<String, Object>();
        body.put("address", "support-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.example.com");
        body.put("name", "Example Support");
        if (team != null) {
            body.put("teamId", team);
        }
        body.put("inbound", Map.of("mode", "smtp"));
        if (extra != null) {
            body.putAll(extra);
        }
        var created = admin().post("/api/v1/mailboxes", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new TestMailbox(
                UUID.fromString(created.json().get("id").asString()),
                created.json().get("address").asString());
    }

    int smtpPort() {
        return listener.port();
    }

    String send(String from, String to, String raw) {
        return send(from, to, raw.getBytes(StandardCharsets.UTF_8));
    }

    String send(String from, String to, byte[] raw) {
        return SmtpConversation.send(smtpPort(), from, to, raw);
    }

    /** Sends and expects the 250 that promises the message is stored. */
    void deliver(String from, String to, String raw) {
        assertThat(send(from, to, raw)).startsWith("250");
    }

    /** The case whose subject contains {@code marker}, once the message has been ingested; the admin's view. */
    JsonNode awaitCase(String marker) {
        return awaitCase(admin(), marker, 1);
    }

    /** The case with {@code marker} in its subject once it has {@code messages} customer messages. */
    JsonNode awaitCase(Api as, String marker, int messages) {
        var found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    var list = as.get("/api/v1/cases?q=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8)
                            + "&limit=10");
                    assertThat(list.status()).as(list.toString()).isEqualTo(200);
                    assertThat(list.json().get("items").size())
                            .as("cases with " + marker)
                            .isEqualTo(1);
                    var detail = as.get("/api/v1/cases/"
                            + list.json().get("items").get(0).get("id").asString());
                    assertThat(incoming(detail.json())).isEqualTo(messages);
                    found[0] = detail.json();
                });
        return found[0];
    }

    static long incoming(JsonNode kase) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_in"))
                .count();
    }

    static JsonNode firstMessage(JsonNode kase) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_in"))
                .findFirst()
                .orElseThrow();
    }

    static JsonNode lastMessage(JsonNode kase) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_in"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    static String marker() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A plain text message; {@code headers} are extra header lines. */
    static String plain(String from, String to, String subject, String body, String... headers) {
        var message = new StringBuilder();
        message.append("From: ").append(from).append("\r\n");
        message.append("To: ").append(to).append("\r\n");
        message.append("Subject: ").append(subject).append("\r\n");
        message.append("Date: Tue, 03 Mar 2026 10:00:00 +0000\r\n");
        message.append("Message-ID: <").append(UUID.randomUUID()).append("@client.example.net>\r\n");
        for (String header : headers) {
            message.append(header).append("\r\n");
        }
        message.append("MIME-Version: 1.0\r\n");
        message.append("Content-Type: text/plain; charset=utf-8\r\n");
        message.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        message.append(body).append("\r\n");
        return message.toString();
    }
}
