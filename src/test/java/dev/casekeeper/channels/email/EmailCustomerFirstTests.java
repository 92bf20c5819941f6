package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent opens a case by emailing a customer first, through the API: the message leaves from the
 * chosen mailbox with its files, without "Re:", and the customer's answer threads into the case.
 * Wrong fields are refused naming them, and nothing is created.
 */
class EmailCustomerFirstTests extends EmailTestBase {

    static final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void startMailServer() {
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void theFirstMessageLeavesFromTheChosenMailboxWithItsFileAndTheAnswerThreadsBack() throws Exception {
        var outbound = Map.<String, Object>of(
                "outbound",
                Map.of("host", "localhost", "port", greenMail.getSmtp().getPort(), "security", "none"));
        smtpMailbox(null, outbound);
        var chosen = smtpMailbox(null, outbound);
        String marker = marker();
        String customer = "lee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        var mailboxes = admin().get("/api/v1/email/sending-mailboxes");
        assertThat(mailboxes.json().valueStream().map(m -> m.get("address").asString()))
                .contains(chosen.address());
        var opened = post(
                Map.of(
                        "to",
                        customer,
                        "name",
                        "Lee Wong",
                        "mailboxId",
                        chosen.id().toString(),
                        "subject",
                        "Your warranty " + marker,
                        "body",
                        "Your warranty certificate is attached."),
                "certificate.pdf",
                PDF);

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        var kase = json(opened.body());
        long number = kase.get("number").asLong();
        String caseId = kase.get("id").asString();
        var sent = awaitSent(marker);
        assertThat(sent.getSubject()).isEqualTo("Your warranty " + marker + " [#" + number + "]");
        assertThat(sent.getFrom()[0].toString()).contains(chosen.address());
        assertThat(sent.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString())
                .isEqualTo(customer);
        var parts = (Multipart) sent.getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("certificate.pdf");
        var requester =
                admin().get("/api/v1/cases/" + caseId).json().get("requesterId").asString();
        assertThat(admin().get("/api/v1/customers/" + requester).text()).contains(customer, "Lee Wong");

        String ourId = sent.getMessageID().replaceAll("[<>]", "");
        String replyTo = sent.getReplyTo()[0].toString().replaceAll(".*<|>.*", "");
        deliver(
                customer,
                replyTo,
                plain(
                        customer,
                        replyTo,
                        "Re: " + sent.getSubject(),
                        "Thank you, received.",
                        "In-Reply-To: <" + ourId + ">",
                        "References: <" + ourId + ">"));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(kinds(caseId)).containsExactly("message_out", "message_in"));
    }

    @Test
    void aWrongAddressOrNoMailboxIsRefusedNamingTheFieldAndCreatesNothing() {
        var outbound = Map.<String, Object>of(
                "outbound",
                Map.of("host", "localhost", "port", greenMail.getSmtp().getPort(), "security", "none"));
        smtpMailbox(null, outbound);
        smtpMailbox(null, outbound);
        String marker = marker();
        int before = cases(marker);

        var refused = admin().post(
                        "/api/v1/email/cases",
                        Map.of("to", "not an address", "subject", "Hello " + marker, "body", "Hi"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("to", "is not an email address", "mailboxId", "choose the mailbox");
        assertThat(cases(marker)).isEqualTo(before);
    }

    private int cases(String marker) {
        return jdbc.sql("select count(*) from cases.support_case where subject like :m")
                .param("m", "%" + marker + "%")
                .query(Integer.class)
                .single();
    }

    private List<String> kinds(String caseId) {
        return admin().get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .map(e -> e.get("kind").asString())
                .filter(k -> !k.equals("event"))
                .toList();
    }

    private String token;

    private HttpResponse<String> post(Map<String, String> fields, String filename, byte[] content) {
        if (token == null) {
            token = tokenFor(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        String boundary = "----casekeeper" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        new LinkedHashMap<>(fields)
                .forEach((name, value) -> out.writeBytes(("--" + boundary
                                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/email/cases"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    private static MimeMessage awaitSent(String marker) {
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(marker).length > 0);
        return sent(marker)[0];
    }

    private static MimeMessage[] sent(String marker) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject() != null && m.getSubject().contains(marker);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }
}
