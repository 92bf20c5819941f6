package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.Role;
import dev.casekeeper.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The widget's script is for anyone; the chat panel shows on chat case pages only, to agents who may see the case. */
class ChatPagesTests extends ChatTestBase {

    @Test
    void theWidgetScriptIsServedToAnyoneWithAnETagAndAShortCacheLife() throws Exception {
        var http = HttpClient.newHttpClient();
        var script = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/widget.js"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=3600");
        assertThat(script.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(script.body()).contains("data-mailbox");
        String etag = script.headers().firstValue("ETag").orElseThrow();
        var again = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/widget.js"))
                        .header("If-None-Match", etag)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void aChatCasePageHasTheChatPanelAndAnOtherCasePageHasNone() {
        var desk = desk();
        var member = agent(desk.team(), Role.AGENT, false);
        var widget = widget();
        hello(widget, desk, null, 0);
        String token = widget.next("welcome").get("token").asString();
        widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello"));
        widget.next("ack");
        long number = chatOf(token, desk).caseNumber();
        // The customer stays connected while the pages are read: their chat is live.
        var browser = WebSession.anonymous(port).signIn(member.email(), PASSWORD);
        var page = browser.get("/cases/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#chat-panel[data-chat-case=" + number + "]"))
                .hasSize(1);
        // One composer, the case's: the panel has no box of its own. An agent who did not accept the
        // chat watches it (notes stay open); a supervisor may write, and reads where the reply goes.
        assertThat(page.html().select("#chat-input, #chat-panel textarea")).isEmpty();
        assertThat(page.html().select("#reply-form")).isEmpty();
        assertThat(page.html().select("#chat-watching").text()).contains("You are watching this chat");
        assertThat(page.html().select("#note-form")).hasSize(1);
        var lead = agent(desk.team(), Role.SUPERVISOR, false);
        var supervised = WebSession.anonymous(port)
                .signIn(lead.email(), PASSWORD)
                .get("/cases/" + number)
                .html();
        assertThat(supervised.select("#reply-form textarea"))
                .extracting(e -> e.id())
                .containsExactly("reply-body");
        assertThat(supervised.select("#reply-form #reply-channel").text())
                .contains("Your reply goes to the customer's chat.");
        // The visitor's identity is a digest of their browser's token: the context panel names the
        // kind and says what it means, and shows no hex string an agent could not use.
        var identity = page.html().select(".identities li").text();
        assertThat(identity).contains("Chat visitor", "known by their browser");
        assertThat(identity).doesNotMatch(".*[0-9a-f]{64}.*");

        var email = lookup.detail(new dev.casekeeper.cases.CaseId(
                        openCase(admin(), desk.team().value(), "By email")))
                .summary();
        assertThat(browser.get("/cases/" + email.number()).html().select("#chat-panel"))
                .isEmpty();

        var outsider =
                agent(agents.createTeam("Other " + java.util.UUID.randomUUID()).id(), Role.AGENT, false);
        assertThat(WebSession.anonymous(port)
                        .signIn(outsider.email(), PASSWORD)
                        .get("/cases/" + number)
                        .status())
                .isEqualTo(404);
        widget.close();
    }

    @Test
    void aChatCaseWithoutAChatOnAWidgetShowsNoLivePanelAndTheOrdinaryComposer() {
        var desk = desk();
        var member = agent(desk.team(), Role.AGENT, false);
        // As the demo's stories and other channels' tests open them: channel chat, no widget behind it.
        var kase = intake.receive(
                        dev.casekeeper.cases.InboundMessage.newCase(
                                        "All my photos are blurry",
                                        "Every photo on my phone shows up blurry.",
                                        dev.casekeeper.cases.Channel.CHAT,
                                        dev.casekeeper.shared.Actor.SYSTEM)
                                .withPriority(dev.casekeeper.cases.Priority.HIGH)
                                .withTeam(desk.team()),
                        dev.casekeeper.cases.Sender.email(
                                "alex-" + java.util.UUID.randomUUID() + "@example.org", "Alex Kim"))
                .summary();
        var page = WebSession.anonymous(port)
                .signIn(member.email(), PASSWORD)
                .get("/cases/" + kase.number())
                .html();
        assertThat(page.select("#chat-panel, [data-chat-case]")).isEmpty();
        assertThat(page.select("#reply-form #reply-body")).hasSize(1);
        assertThat(page.select("#reply-channel")).isEmpty();
    }

    @Test
    void leavingTheContactIsOfferedOnlyToWhoeverMayLeaveIt() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        var sam = agent(desk.team(), Role.AGENT, false);
        try (var widget = widget()) {
            String token =
                    hello(widget, desk, null, 0).next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello"));
            widget.next("ack");
            var chat = chatOf(token, desk);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> contactOf(chat).state() == dev.casekeeper.routing.ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());
            var alexPage = WebSession.anonymous(port).signIn(alex.email(), PASSWORD);
            String contactPanel = "/cases/" + chat.caseNumber() + "/contact";
            // The only agent on the contact: routing would refuse them leaving, so it is not offered.
            assertThat(alexPage.getPart(contactPanel).html().select("#end-contact-button"))
                    .hasSize(1);
            assertThat(alexPage.getPart(contactPanel).html().select("#leave-button"))
                    .isEmpty();

            var contact = new dev.casekeeper.routing.ContactId(chat.contactId());
            var invitation = liveContacts.invite(
                    contact,
                    new dev.casekeeper.routing.InviteColleague(sam.id(), "Refunds are Sam's", "Order 4471"),
                    agents.signedIn(alex.id()).orElseThrow());
            assertThat(alexPage.getPart(contactPanel).html().select("#leave-button"))
                    .isEmpty();
            liveContacts.acceptInvitation(
                    invitation.id(), agents.signedIn(sam.id()).orElseThrow());
            // A colleague joined: now Alex may hand the chat over by leaving, and Sam may leave too.
            assertThat(alexPage.getPart(contactPanel).html().select("#leave-button"))
                    .hasSize(1);
            var samPage = WebSession.anonymous(port).signIn(sam.email(), PASSWORD);
            assertThat(samPage.getPart(contactPanel).html().select("#leave-button"))
                    .hasSize(1);
        }
    }
}
