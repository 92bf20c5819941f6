package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.RowsHolding;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting a case is for the customer who sent what she should not have (bank details, a passport
 * scan): whatever module kept words or files of the case keeps none of them afterwards. The test
 * spreads one marker over everything an agent can do on a case, deletes it, and then reads every
 * row of every table that belongs to the case, in every module's schema.
 */
class CaseDeletionLeavesNoTextTests extends EmailTestBase {

    @Test
    void noTableKeepsAWordOrAFileOfADeletedCase() throws Exception {
        // Forwarding needs a mailbox that can send; nothing listens there, so the mail only waits.
        var mailbox = smtpMailbox(null, Map.of("outbound", Map.of("host", "localhost", "port", 9, "security", "none")));
        String marker = marker();
        deliver(
                "laura@example.net",
                mailbox.address(),
                plain(
                        "laura@example.net",
                        mailbox.address(),
                        "My passport " + marker,
                        "My passport number is " + marker + ", please update my account."));
        var kase = awaitCase(marker);
        UUID id = UUID.fromString(kase.get("id").asString());
        String path = "/api/v1/cases/" + id;

        var reply = withFile(path + "/replies", "Thank you, " + marker + " is noted.", "scan-" + marker + ".txt");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        var note = admin().post(path + "/notes", Map.of("body", "Checked " + marker + " against the order."));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        var promise = admin().post(
                        path + "/promises",
                        Map.of(
                                "text",
                                "Call back about " + marker,
                                "dueAt",
                                Instant.now().plus(2, ChronoUnit.DAYS).toString()));
        assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
        var callback = admin().post(
                        "/api/v1/callbacks",
                        Map.of("caseId", id, "phone", "+4930123456", "note", "Ask about " + marker));
        assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
        var forward = admin().post(
                        "/api/v1/email/cases/" + id + "/forwards",
                        Map.of("to", List.of("passports-" + marker.toLowerCase() + "@agency.example"), "body", marker));
        assertThat(forward.status()).as(forward.toString()).isEqualTo(201);

        var deleted = admin().post(path + "/deletion", Map.of("reason", "Customer sent her passport number"));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);

        assertThat(RowsHolding.marker(jdbc, marker, "select cast(:scope as uuid)", id, false))
                .as("rows of the deleted case that still hold its words or files")
                .isEmpty();
    }

    private HttpResponse<String> withFile(String path, String body, String filename) throws Exception {
        String boundary = "----casekeeper" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                        + "\"\r\nContent-Type: text/plain\r\n\r\n" + "Passport: " + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + tokenFor(ADMIN_EMAIL, ADMIN_PASSWORD))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
