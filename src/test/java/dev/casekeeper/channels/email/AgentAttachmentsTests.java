package dev.casekeeper.channels.email;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Files agents attach to replies and notes through the API: the type comes from the bytes, limits
 * are kept, a refused file refuses the whole message and nothing is stored; a reply's files go to
 * the customer as attachment parts; agents who may not see the case reach no file.
 */
class AgentAttachmentsTests extends EmailTestBase {

    static final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    record File(String name, byte[] content) {}

    @BeforeAll
    static void startMailServer() {
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void aReplyWithFilesReachesTheCustomerAsAttachmentPartsAndAgentsDownloadThemSafely() throws Exception {
        var mailbox = smtpMailbox(
                null,
                Map.of(
                        "outbound",
                        Map.of("host", "localhost", "port", greenMail.getSmtp().getPort(), "security", "none")));
        String marker = marker();
        deliver(
                "maria@example.org",
                mailbox.address(),
                plain(
                        "Maria Lopez <maria@example.org>",
                        mailbox.address(),
                        "Invoice " + marker,
                        "Please send the invoice."));
        String caseId = awaitCase(marker).get("id").asString();

        var reply = post(
                "/api/v1/cases/" + caseId + "/replies",
                "Here is your invoice and a photo of the parcel.",
                List.of(new File("invoice.pdf", PDF), new File("parcel.png", PNG)));

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        var files = json(reply.body()).get("data").get("files").get("files");
        assertThat(files.valueStream().map(f -> f.get("filename").asString()))
                .containsExactly("invoice.pdf", "parcel.png");
        assertThat(files.get(0).get("contentType").asString()).isEqualTo("application/pdf");
        var download = admin().get(files.get(1).get("url").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).contains("sandbox");
        var pdf = admin().get(files.get(0).get("url").asString());
        assertThat(pdf.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment");

        var sent = awaitSent(marker);
        assertThat(sent.getContentType()).startsWith("multipart/mixed");
        var parts = (Multipart) sent.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(String.valueOf(parts.getBodyPart(0).getContent())).contains("Here is your invoice");
        assertThat(parts.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("invoice.pdf");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
        assertThat(bytes(parts.getBodyPart(2))).isEqualTo(PNG);
    }

    @Test
    void aNoteKeepsItsFilesForColleaguesOnly() {
        var kase = newCase(newTeam());

        var note = post("/api/v1/cases/" + kase + "/notes", "The signed form.", List.of(new File("form.pdf", PDF)));

        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        String url = json(note.body())
                .get("data")
                .get("files")
                .get("files")
                .get(0)
                .get("url")
                .asString();
        assertThat(admin().get(url).status()).isEqualTo(200);
        var outsider = newAgent("agent", newTeam());
        assertProblem(outsider.api().get(url), 404, "not-found");
        assertThat(anonymous().get(url).status()).isEqualTo(401);
    }

    @Test
    void refusesAFileWhoseBytesAreNotWhatItsNameSaysAndStoresNothing() {
        var kase = newCase();
        int before = stored();

        for (var disguised : List.of(
                new File("invoice.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                new File("photo.png", program()),
                new File(
                        "drawing.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                                .getBytes(StandardCharsets.UTF_8)))) {
            var refused = post("/api/v1/cases/" + kase + "/replies", "See attached.", List.of(disguised));

            assertThat(refused.statusCode()).as(disguised.name()).isEqualTo(400);
            assertThat(json(refused.body()).toString())
                    .contains(disguised.name() + " is not a picture, PDF, text or office document");
        }
        assertThat(timeline(kase)).hasSize(1);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusesTooManyFilesAndAFileOverTheLimitAndStoresNothing() {
        var kase = newCase();
        int before = stored();

        var tooMany = post(
                "/api/v1/cases/" + kase + "/notes",
                "All the photos.",
                IntStream.range(0, 6)
                        .mapToObj(i -> new File("p" + i + ".png", PNG))
                        .toList());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 5 files");

        // The tests' limit is 1 MB (application-test.properties).
        var tooLarge = post(
                "/api/v1/cases/" + kase + "/replies",
                "The scan.",
                List.of(new File("scan.txt", "a".repeat(1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII))));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("scan.txt is over 1 MB");

        assertThat(timeline(kase)).hasSize(1);
        assertThat(stored()).isEqualTo(before);
    }

    private String newCase() {
        return newCase(null);
    }

    /** A case of the team, which agents of other teams may not see; of no team when null. */
    private String newCase(UUID team) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "subject", "Files " + marker(),
                "message", Map.of("body", "A question."),
                "requester", Map.of("email", "c-" + UUID.randomUUID() + "@example.org")));
        if (team != null) {
            body.put("teamId", team);
        }
        var created = admin().post("/api/v1/cases", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<JsonNode> timeline(String caseId) {
        return admin().get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> !e.get("kind").asString().equals("event"))
                .toList();
    }

    private int stored() {
        return jdbc.sql("select count(*) from cases.attachment")
                .query(Integer.class)
                .single();
    }

    private HttpResponse<String> post(String path, String body, List<File> files) {
        String boundary = "----casekeeper" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (var file : files) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + file.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + token())
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token;

    private String token() {
        if (token == null) {
            token = tokenFor(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        return token;
    }

    private static JsonNode json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }

    private static byte[] program() {
        var elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        return elf;
    }

    private static byte[] bytes(Part part) throws Exception {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static MimeMessage awaitSent(String marker) {
        var found = new ArrayList<MimeMessage>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            found.clear();
            Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> {
                        try {
                            return m.getSubject() != null && m.getSubject().contains(marker);
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    })
                    .forEach(found::add);
            assertThat(found).isNotEmpty();
        });
        return found.getFirst();
    }
}
