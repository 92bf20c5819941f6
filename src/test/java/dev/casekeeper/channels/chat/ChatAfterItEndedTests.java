package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.casekeeper.agents.Role;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.channels.email.InboundMode;
import dev.casekeeper.channels.email.Mailbox;
import dev.casekeeper.channels.email.SaveMailbox;
import dev.casekeeper.channels.email.TransportSecurity;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.support.WebSession;
import jakarta.mail.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reply written after the customer left the chat never reaches them: it is marked "Not delivered"
 * with why, and the case page's composer says the chat ended and offers the ways that still work,
 * email to the address the customer gave in the chat (to GreenMail as the real SMTP server), or a
 * callback task for the team.
 */
class ChatAfterItEndedTests extends ChatTestBase {

    static final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeAll
    static void startMailServer() {
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    /** A chat accepted by Alex that the customer then left; Alex is signed in on the case page. */
    private record Left(long number, CaseId caseId, Conversation chat, WebSession alex) {}

    private Left aChatTheCustomerLeft(String email) {
        return aChatTheCustomerLeft(email, true);
    }

    /** As above; unless the mailbox sends mail, the team has only its widget's mailbox, receiving only. */
    private Left aChatTheCustomerLeft(String email, boolean mailboxSendsMail) {
        var team = agents.createTeam("Chat " + UUID.randomUUID()).id();
        String address = "chat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        mailboxes.create(new SaveMailbox(
                address,
                "Support",
                team,
                InboundMode.SMTP,
                null,
                mailboxSendsMail
                        ? new SaveMailbox.SmtpServer(
                                "localhost", greenMail.getSmtp().getPort(), TransportSecurity.NONE, null, null)
                        : null,
                Mailbox.Acknowledgement.OFF,
                true));
        var desk = new Desk(team, address);
        var alex = agent(team, Role.AGENT, true);
        try (var widget = widget()) {
            String token =
                    hello(widget, desk, null, 0).next("welcome").get("token").asString();
            var profile = new java.util.HashMap<String, Object>(Map.of("type", "start", "name", "Maria Lopez"));
            if (email != null) {
                profile.put("email", email);
            }
            widget.send(profile).next("started");
            widget.send(Map.of("type", "message", "id", "c-1", "text", "The replacement router is broken too."));
            widget.next("ack");
            var chat = chatOf(token, desk);
            await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());
            widget.next("message", f -> "joined".equals(f.path("event").asString("")));
            widget.send(Map.of("type", "leave"));
            widget.next("ended");
            var session = WebSession.anonymous(port).signIn(alex.email(), PASSWORD);
            return new Left(chat.caseNumber(), new CaseId(chat.caseId()), chat, session);
        }
    }

    private TimelineEntry lastReply(CaseId caseId) {
        return lookup.detail(caseId).timeline().stream()
                .filter(e -> e.kind() == EntryKind.MESSAGE_OUT)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void aReplyAfterTheCustomerLeftIsMarkedNotDeliveredAndCanGoByEmailToTheAddressTheyGave() throws Exception {
        String email = "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var left = aChatTheCustomerLeft(email);

        var composer = left.alex().get("/cases/" + left.number()).html().select("#reply-form #reply-channel");
        assertThat(composer.select(".notice-warning").text())
                .isEqualTo("The chat has ended: a reply here no longer reaches the customer.");
        assertThat(composer.select("label:has(#reply-by-email)").text()).contains("Send it by email to " + email);

        // Sent the ordinary way, the reply is recorded on the case, and marked: nobody saw it.
        assertThat(left.alex()
                        .post(
                                "/cases/" + left.number() + "/replies",
                                Map.of(
                                        "body",
                                        "Sorry, we lost you there.",
                                        "toneChecked",
                                        "true",
                                        "sendAnyway",
                                        "true"))
                        .status())
                .isEqualTo(302);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> lastReply(left.caseId()).delivery() != null);
        var undelivered = lastReply(left.caseId());
        assertThat(undelivered.delivery().state().value()).isEqualTo("failed");
        assertThat(undelivered.delivery().detail())
                .isEqualTo("The customer had left the chat; they did not see this reply.");
        assertThat(left.alex()
                        .get("/cases/" + left.number())
                        .html()
                        .select("#timeline .entry-delivery")
                        .text())
                .contains("Not delivered", "left the chat");

        // By email, to the address the customer gave in the chat.
        assertThat(left.alex()
                        .post(
                                "/cases/" + left.number() + "/replies",
                                Map.of(
                                        "body",
                                        "Here is how to reset the router.",
                                        "via",
                                        "email",
                                        "toneChecked",
                                        "true",
                                        "sendAnyway",
                                        "true"))
                        .status())
                .isEqualTo(302);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(greenMail.getReceivedMessages())
                        .anyMatch(m -> recipient(m).equals(email)));
        var sent = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(String.valueOf(sent.getContent()).strip())
                .startsWith("Here is how to reset the router.")
                .contains("/portal/status/");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "sent"
                        .equals(
                                lastReply(left.caseId()).delivery() == null
                                        ? null
                                        : lastReply(left.caseId())
                                                .delivery()
                                                .state()
                                                .value()));
    }

    @Test
    void theTeamGetsOneCallbackTaskForACustomerWhoLeftTheChatAndAStrangerCannotAskForIt() {
        String email = "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var left = aChatTheCustomerLeft(email);
        left.alex().get("/cases/" + left.number());

        var answer = left.alex().postPart("/cases/" + left.number() + "/chat/callback", Map.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.html().select("#reply-callback-done").text()).contains("callback task", email);
        assertThat(answer.html().select("#reply-callback")).isEmpty();
        left.alex().postPart("/cases/" + left.number() + "/chat/callback", Map.of());
        assertThat(jdbc.sql("select email from routing.callback where contact_id = :c")
                        .param("c", left.chat().contactId())
                        .query(String.class)
                        .list())
                .containsExactly(email);

        var outsider = agent(agents.createTeam("Other " + UUID.randomUUID()).id(), Role.AGENT, false);
        var stranger = WebSession.anonymous(port).signIn(outsider.email(), PASSWORD);
        stranger.get("/");
        assertThat(stranger.postPart("/cases/" + left.number() + "/chat/callback", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(stranger.getPart("/cases/" + left.number() + "/chat/reply-channel")
                        .status())
                .isEqualTo(404);
        var signedOut = WebSession.anonymous(port).get("/cases/" + left.number() + "/chat/reply-channel");
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).endsWith("/login");
        assertThat(WebSession.anonymous(port)
                        .post("/cases/" + left.number() + "/chat/callback", Map.of())
                        .status())
                .isIn(302, 403);
        assertThat(jdbc.sql("select count(*) from routing.callback where contact_id = :c")
                        .param("c", left.chat().contactId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCustomerWhoGaveNoAddressCannotBeReachedAndTheComposerSaysSo() {
        var left = aChatTheCustomerLeft(null);
        var composer = left.alex().get("/cases/" + left.number()).html().select("#reply-form #reply-channel");
        assertThat(composer.text()).contains("The chat has ended", "gave no email address or phone number");
        assertThat(composer.select("#reply-by-email, #reply-callback")).isEmpty();
    }

    @Test
    void aTeamWhoseMailboxSendsNoMailIsNotOfferedEmailButTheCallback() {
        String email = "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var left = aChatTheCustomerLeft(email, false);
        var composer = left.alex().get("/cases/" + left.number()).html().select("#reply-form #reply-channel");
        assertThat(composer.select("#reply-by-email")).isEmpty();
        assertThat(composer.text()).contains("no mailbox that sends mail");
        assertThat(composer.select("#reply-callback")).hasSize(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Conversations conversations;

    @Test
    void aReplyWrittenWhileTheChatWasLiveStillReachesItWhenTheChatEndedBeforeItWasHandedOn() {
        var left = aChatTheCustomerLeft(null);
        var alex = jdbc.sql("select agent_id from chat.conversation where id = :id")
                .param("id", left.chat().id())
                .query(UUID.class)
                .single();
        var endedAt = jdbc.sql("select ended_at from chat.conversation where id = :id")
                .param("id", left.chat().id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        // A farewell sent as the case was solved: written before the chat ended, handed on after.
        var farewell = UUID.randomUUID();
        assertThat(conversations.replied(
                        left.caseId(),
                        farewell,
                        new dev.casekeeper.agents.AgentId(alex),
                        "Goodbye, Maria.",
                        endedAt.minusMillis(5)))
                .isTrue();
        assertThat(jdbc.sql("select count(*) from chat.message where entry_id = :e")
                        .param("e", farewell)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Written after it ended: it reaches nobody, and the caller marks it.
        assertThat(conversations.replied(
                        left.caseId(),
                        UUID.randomUUID(),
                        new dev.casekeeper.agents.AgentId(alex),
                        "Hello?",
                        endedAt.plusMillis(5)))
                .isFalse();
    }

    @Test
    void aReplyByEmailToACustomerWhoLeftTheChatTakesItsFilesAlong() throws Exception {
        String email = "maria-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var left = aChatTheCustomerLeft(email);
        var page = left.alex().get("/cases/" + left.number()).html();

        var posted = left.alex()
                .postFiles(
                        "/cases/" + left.number() + "/replies",
                        Map.of(
                                "body",
                                "The manual is attached.",
                                "via",
                                "email",
                                "seen",
                                page.select("#reply-form [data-seen]").val(),
                                "toneChecked",
                                "true",
                                "sendAnyway",
                                "true"),
                        java.util.List.of(new WebSession.Upload("files", "manual.pdf", ChatAttachmentsTests.PDF)));

        assertThat(posted.status()).as(posted.toString()).isLessThan(400);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(greenMail.getReceivedMessages())
                        .anyMatch(m -> recipient(m).equals(email)));
        var sent = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals(email))
                .findFirst()
                .orElseThrow();
        var parts = (jakarta.mail.Multipart) sent.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("manual.pdf");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
