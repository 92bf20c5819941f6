package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.Role;
import dev.casekeeper.cases.AgentAttachments;
import dev.casekeeper.support.WebSession;
import dev.casekeeper.support.WebSession.Upload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Files an agent attaches to a chat reply on the case page reach the customer's widget as links
 * (over the real WebSocket), which work for that chat only, without a session, with the headers every
 * attachment gets; a link changed, expired or moved to another chat finds nothing. A refused file
 * refuses the reply and nothing reaches the chat or the case.
 */
class ChatAttachmentsTests extends ChatTestBase {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    AgentAttachments attachments;

    private final HttpClient anonymous = HttpClient.newHttpClient();

    /** A chat Alex accepted, with the customer's widget still connected. */
    private record Live(Desk desk, String token, Conversation chat, ChatClient widget, WebSession alex) {}

    private Live aLiveChat() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        var widget = widget();
        String token = hello(widget, desk, null, 0).next("welcome").get("token").asString();
        widget.send(Map.of("type", "start", "name", "Maria Lopez"));
        widget.next("started");
        widget.send(Map.of("type", "message", "id", "c-1", "text", "Which router do I need?"));
        widget.next("ack");
        var chat = chatOf(token, desk);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> contactOf(chat).state() == dev.casekeeper.routing.ContactState.OFFERED);
        queues.accept(contactOf(chat).offerId(), alex.id());
        widget.next("message", f -> "joined".equals(f.path("event").asString("")));
        var session = WebSession.anonymous(port).signIn(alex.email(), PASSWORD);
        return new Live(desk, token, chat, widget, session);
    }

    private WebSession.Page reply(Live live, String body, List<Upload> files) {
        var page = live.alex().get("/cases/" + live.chat().caseNumber()).html();
        return live.alex()
                .postFiles(
                        "/cases/" + live.chat().caseNumber() + "/replies",
                        Map.of(
                                "body",
                                body,
                                "seen",
                                page.select("#reply-form [data-seen]").val(),
                                "toneChecked",
                                "true",
                                "sendAnyway",
                                "true"),
                        files);
    }

    private HttpResponse<byte[]> fetch(String url) throws Exception {
        return anonymous.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void filesAttachedToAChatReplyReachTheCustomerAsLinksThatWorkWithoutASession() throws Exception {
        var live = aLiveChat();
        try (var widget = live.widget()) {
            var posted = reply(
                    live,
                    "Here is the manual and a photo of the right router.",
                    List.of(new Upload("files", "manual;v2 100%.pdf", PDF), new Upload("files", "router.png", PNG)));
            assertThat(posted.status()).as(posted.toString()).isLessThan(400);

            var message =
                    widget.next("message", f -> "agent".equals(f.path("from").asString("")));
            assertThat(message.get("text").asString()).startsWith("Here is the manual");
            var files = message.get("files");
            assertThat(files.valueStream().map(f -> f.get("name").asString()))
                    .containsExactly("manual;v2 100%.pdf", "router.png");
            assertThat(files.get(0).get("type").asString()).isEqualTo("application/pdf");

            var pdf = fetch(files.get(0).get("url").asString());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.body()).isEqualTo(PDF);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment")
                    .contains("manual");
            assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(pdf.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("sandbox");
            assertThat(pdf.headers().firstValue("Set-Cookie")).isEmpty();
            var png = fetch(files.get(1).get("url").asString());
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");

            // Agents see the files on the case's timeline, with the reply.
            var timeline = live.alex().get("/cases/" + live.chat().caseNumber()).html();
            assertThat(timeline.select("#timeline .mail-attachments a").eachText())
                    .contains("manual;v2 100%.pdf", "router.png");
        }

        // The widget that comes back later gets the message again, with links that work.
        try (var again = hello(widget(), live.desk(), live.token(), 0)) {
            again.next("welcome");
            var message =
                    again.next("message", f -> "agent".equals(f.path("from").asString("")) && f.has("files"));
            assertThat(fetch(message.get("files").get(1).get("url").asString()).body())
                    .isEqualTo(PNG);
        }
    }

    @Test
    void aLinkChangedExpiredOrMovedToAnotherChatFindsNothing() throws Exception {
        var live = aLiveChat();
        JsonNode file;
        try (var widget = live.widget()) {
            reply(live, "The manual.", List.of(new Upload("files", "manual.pdf", PDF)));
            file = widget.next("message", f -> f.has("files")).get("files").get(0);
        }
        String url = file.get("url").asString();
        var link = URI.create("http://localhost" + url);
        var query = new java.util.HashMap<String, String>();
        for (String pair : link.getRawQuery().split("&")) {
            query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        UUID fileId = UUID.fromString(link.getPath().split("/")[3]);
        UUID entry = UUID.fromString(query.get("entry"));
        UUID chat = UUID.fromString(query.get("chat"));
        long expires = Long.parseLong(query.get("expires"));
        assertThat(fetch(url).statusCode()).isEqualTo(200);

        // Changed: another signature, a later expiry, without a signature.
        assertThat(fetch(url.replace("sig=", "sig=A")).statusCode()).isEqualTo(404);
        assertThat(fetch(url.replace("expires=" + expires, "expires=" + (expires + 3600)))
                        .statusCode())
                .isEqualTo(404);
        assertThat(fetch(url.substring(0, url.indexOf("&sig="))).statusCode()).isEqualTo(400);

        // Another customer's chat: her own chat in the link, whatever the file, finds nothing.
        var other = aLiveChat();
        other.widget().close();
        String moved = url.replace("chat=" + chat, "chat=" + other.chat().id());
        assertThat(fetch(moved).statusCode()).isEqualTo(404);
        assertThat(fetch(signed(fileId, entry, other.chat().id(), expires)).statusCode())
                .as("signed correctly, but the file was not sent in that chat")
                .isEqualTo(404);

        // Expired: correctly signed, but its time is over.
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        assertThat(fetch(signed(fileId, entry, chat, past)).statusCode()).isEqualTo(404);
        assertThat(fetch(signed(fileId, entry, chat, expires)).statusCode()).isEqualTo(200);
    }

    @Test
    void aDisguisedOrOversizedFileRefusesTheChatReplyAndNothingIsStoredOrSent() {
        var live = aLiveChat();
        try (var widget = live.widget()) {
            var disguised = reply(
                    live,
                    "Here is the manual.",
                    List.of(new Upload(
                            "files",
                            "manual.pdf",
                            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))));
            assertThat(disguised.status()).isEqualTo(422);
            assertThat(disguised.html().select("#reply-form .form-error").text())
                    .contains("manual.pdf is not a kind of file that can be attached", "Nothing was sent");

            var oversized = reply(live, "Here is the big photo.", List.of(new Upload("files", "big.png", bigPng())));
            assertThat(oversized.status()).isEqualTo(422);
            assertThat(oversized.html().select("#reply-form .form-error").text())
                    .contains("big.png");

            assertThat(jdbc.sql("select count(*) from cases.attachment where case_id = :c")
                            .param("c", live.chat().caseId())
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from chat.message where conversation_id = :c and author = 'agent'")
                            .param("c", live.chat().id())
                            .query(Long.class)
                            .single())
                    .isZero();
            // The chat still works: a reply without files goes through.
            assertThat(reply(live, "Sorry, one moment.", List.of()).status()).isLessThan(400);
            assertThat(widget.next("message", f -> "agent".equals(f.path("from").asString("")))
                            .get("text")
                            .asString())
                    .isEqualTo("Sorry, one moment.");
        }
    }

    /** A PNG over the limit of agents' files (the PNG's bytes, then padding). */
    private byte[] bigPng() {
        long limit = attachments.settings().maxFileSize().toBytes();
        var big = new byte[(int) limit + 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        return big;
    }

    /** A link signed with the desk's own key, as only Casekeeper can sign one. */
    private String signed(UUID fileId, UUID entry, UUID chat, long expires) throws Exception {
        byte[] key = jdbc.sql("select secret from chat.file_link_key where id = 1")
                .query(byte[].class)
                .single();
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String sig = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        mac.doFinal(("casekeeper:chat-file:" + fileId + ":" + entry + ":" + chat + ":" + expires)
                                .getBytes(StandardCharsets.UTF_8)));
        return "/chat/files/" + fileId + "?entry=" + entry + "&chat=" + chat + "&expires=" + expires + "&sig=" + sig;
    }
}
