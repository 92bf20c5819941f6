package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.Role;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.routing.ContactState;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The widget protocol over a real WebSocket: messages are acknowledged after they are stored as case
 * entries, a message sent again is stored once, a reconnecting client gets what it missed, an agent
 * who accepts the chat is shown, typing goes both ways. What the protocol refuses, it refuses.
 */
class ChatProtocolTests extends ChatTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    CustomerManagement customers;

    @Test
    void firstMessageOpensAChatCaseQueuedForTheMailboxTeamAndIsAcknowledgedWithItsNumber() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            var welcome = widget.next("welcome");
            String token = welcome.get("token").asString();
            assertThat(welcome.get("state").asString()).isEqualTo("new");
            assertThat(welcome.get("texts").get("send").asString()).isEqualTo("Send");

            widget.send(Map.of(
                    "type", "start", "name", "Maria Lopez", "email", "maria@example.com", "topic", "Activation key"));
            widget.next("started");
            widget.send(Map.of("type", "message", "id", "c-1", "text", "My activation key is gone."));
            var ack = widget.next("ack");
            assertThat(ack.get("id").asString()).isEqualTo("c-1");
            assertThat(ack.get("seq").asLong()).isEqualTo(1);

            var chat = chatOf(token, desk);
            assertThat(chat.state()).isEqualTo(Conversation.State.WAITING);
            var kase = lookup.detail(new CaseId(chat.caseId())).summary();
            assertThat(kase.channel()).isEqualTo(Channel.CHAT);
            assertThat(kase.subject()).isEqualTo("Activation key");
            assertThat(kase.teamId()).isEqualTo(desk.team());
            var requester = customers.find(kase.requesterId());
            assertThat(requester.displayName()).isEqualTo("Maria Lopez");
            assertThat(requester.identities())
                    .anyMatch(i -> i.kind() == IdentityKind.CHAT && i.value().equals(VisitorTokens.digest(token)));
            assertThat(customerMessages(kase.id())).isEqualTo(1);
            assertThat(contactOf(chat).state()).isEqualTo(ContactState.WAITING);

            var queue = widget.next("queue");
            assertThat(queue.get("position").asInt()).isEqualTo(1);
            assertThat(queue.get("waitSeconds").asLong()).isPositive();
            assertThat(queue.get("available").asBoolean()).isFalse();
        }
    }

    @Test
    void whileAnAgentIsBeingOfferedTheChatTheWidgetIsToldSoInsteadOfAWaitEstimate() {
        var desk = desk();
        var alex = agent(desk.team(), dev.casekeeper.agents.Role.AGENT, true);
        try (var widget = widget()) {
            String token =
                    hello(widget, desk, null, 0).next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "My activation key is gone."));
            widget.next("ack");
            var offered = widget.next("queue", f -> f.path("offered").asBoolean(false));
            assertThat(offered.has("waitSeconds")).isFalse();
            assertThat(offered.has("position")).isFalse();
            assertThat(contactOf(chatOf(token, desk)).agentId()).isEqualTo(alex.id());
            assertThat(widget.drain())
                    .filteredOn(f -> "welcome".equals(f.path("type").asString("")))
                    .allSatisfy(w -> assertThat(w.get("texts").get("offered").asString())
                            .isEqualTo("An agent is being asked to take your chat now."));
        }
    }

    @Test
    void aWaitingCustomersPositionMovesUpLiveWhenTheCustomerAheadLeaves() {
        var desk = desk();
        try (var first = widget();
                var second = widget()) {
            hello(first, desk, null, 0);
            first.next("welcome");
            first.send(Map.of("type", "message", "id", "c-1", "text", "First in line"));
            first.next("ack");
            hello(second, desk, null, 0);
            second.next("welcome");
            second.send(Map.of("type", "message", "id", "c-1", "text", "Second in line"));
            second.next("ack");
            assertThat(second.next("queue").get("position").asInt()).isEqualTo(2);
            first.send(Map.of("type", "leave"));
            first.next("ended");
            assertThat(second.next("queue", f -> f.get("position").asInt() == 1)
                            .get("waitSeconds")
                            .asLong())
                    .isPositive();
        }
    }

    @Test
    void aMessageSentAgainAfterAReconnectIsStoredOnceAndAcknowledgedWithTheSameNumber() {
        var desk = desk();
        String token;
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello"));
            widget.send(Map.of("type", "message", "id", "c-2", "text", "Are you there?"));
            // The connection drops before the client read the second acknowledgement.
            widget.next("ack", f -> f.get("id").asString().equals("c-1"));
            widget.drop();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> customerMessages(new CaseId(chatOf(token, desk).caseId())) == 2);

        try (var again = widget()) {
            hello(again, desk, token, 1);
            assertThat(again.next("welcome").get("state").asString()).isEqualTo("waiting");
            // What the client had not seen acknowledged comes again from the server …
            var missed = again.next("message");
            assertThat(missed.get("seq").asLong()).isEqualTo(2);
            assertThat(missed.get("id").asString()).isEqualTo("c-2");
            // … and the client resends it anyway: nothing is stored twice.
            again.send(Map.of("type", "message", "id", "c-2", "text", "Are you there?"));
            assertThat(again.next("ack").get("seq").asLong()).isEqualTo(2);
            again.send(Map.of("type", "message", "id", "c-3", "text", "Third"));
            assertThat(again.next("ack", f -> f.get("id").asString().equals("c-3"))
                            .get("seq")
                            .asLong())
                    .isEqualTo(3);
        }
        var chat = chatOf(token, desk);
        assertThat(customerMessages(new CaseId(chat.caseId()))).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from chat.message where conversation_id = :c")
                        .param("c", chat.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void theAcceptingAgentIsShownAndBothSidesSeeEachOthersMessagesAndTyping() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "My router reboots every hour."));
            widget.next("ack");
            var chat = chatOf(token, desk);
            await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());

            var joined =
                    widget.next("message", f -> "joined".equals(f.path("event").asString("")));
            assertThat(joined.get("name").asString()).isEqualTo(alex.name());

            try (var panel =
                    ChatClient.agent(port, chat.caseNumber(), ChatClient.signIn(port, alex.email(), PASSWORD))) {
                panel.send(Map.of("type", "hello", "after", 0));
                var welcome = panel.next("welcome");
                assertThat(welcome.get("mayWrite").asBoolean()).isTrue();
                assertThat(panel.next("message").get("text").asString()).isEqualTo("My router reboots every hour.");

                widget.send(Map.of("type", "typing", "on", true));
                assertThat(panel.next("typing").get("on").asBoolean()).isTrue();
                panel.send(Map.of("type", "typing", "on", true));
                assertThat(widget.next("typing").get("name").asString()).isEqualTo(alex.name());

                panel.send(Map.of("type", "message", "id", "a-1", "text", "I am sorry about that. Let us fix it."));
                assertThat(panel.next("ack").get("seq").asLong()).isEqualTo(3);
                var reply =
                        widget.next("message", f -> "agent".equals(f.get("from").asString()));
                assertThat(reply.get("text").asString()).isEqualTo("I am sorry about that. Let us fix it.");
                assertThat(reply.get("name").asString()).isEqualTo(alex.name());

                widget.send(Map.of("type", "message", "id", "c-2", "text", "Thanks!"));
                assertThat(panel.next(
                                        "message",
                                        f -> "customer".equals(f.get("from").asString()))
                                .get("text")
                                .asString())
                        .isEqualTo("Thanks!");
            }
            var timeline = lookup.detail(new CaseId(chat.caseId())).timeline();
            assertThat(timeline)
                    .filteredOn(e -> e.kind().value().equals("message_out"))
                    .hasSize(1);
            assertThat(timeline)
                    .filteredOn(e -> e.kind().value().equals("message_in"))
                    .hasSize(2);
        }
    }

    @Test
    void anAgentMessageSentWhileTheCustomerWasAwayReachesThemWhenTheyReconnectAndAResentOneIsStoredOnce() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        String token;
        Conversation chat;
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello"));
            widget.next("ack");
            chat = chatOf(token, desk);
            await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());
            widget.next("message", f -> "joined".equals(f.path("event").asString("")));
            widget.drop();
        }
        String cookie = ChatClient.signIn(port, alex.email(), PASSWORD);
        try (var panel = ChatClient.agent(port, chat.caseNumber(), cookie)) {
            panel.send(Map.of("type", "message", "id", "a-1", "text", "Here is what to try."));
            panel.next("ack");
            panel.drop();
        }
        try (var panel = ChatClient.agent(port, chat.caseNumber(), cookie)) {
            // The panel did not see its acknowledgement for sure: it sends again, and it is found.
            panel.send(Map.of("type", "message", "id", "a-1", "text", "Here is what to try."));
            assertThat(panel.next("ack").get("seq").asLong()).isEqualTo(3);
        }
        try (var widget = widget()) {
            hello(widget, desk, token, 2);
            var welcome = widget.next("welcome");
            assertThat(welcome.get("state").asString()).isEqualTo("chatting");
            assertThat(welcome.get("agent").asString()).isEqualTo(alex.name());
            var missed = widget.next("message");
            assertThat(missed.get("seq").asLong()).isEqualTo(3);
            assertThat(missed.get("text").asString()).isEqualTo("Here is what to try.");
            assertThat(widget.drain())
                    .filteredOn(f -> f.path("type").asString("").equals("message"))
                    .hasSize(1);
        }
        assertThat(lookup.detail(new CaseId(chat.caseId())).timeline())
                .filteredOn(e -> e.kind().value().equals("message_out"))
                .hasSize(1);
    }

    @Test
    void aWidgetOnAPageOfAnotherOriginIsRefused() {
        assertThat(ChatClient.refusal(URI.create("ws://localhost:" + port + "/chat/ws"), "https://evil.example", null))
                .isEqualTo(403);
    }

    @Test
    void theAgentSocketRefusesWhoeverIsNotSignedInOrMayNotSeeTheCase() {
        var desk = desk();
        var outsider =
                agent(agents.createTeam("Other " + java.util.UUID.randomUUID()).id(), Role.AGENT, false);
        long number;
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello"));
            widget.next("ack");
            number = chatOf(token, desk).caseNumber();
        }
        var uri = URI.create("ws://localhost:" + port + "/chat/agent/ws?case=" + number);
        String origin = "http://localhost:" + port;
        assertThat(ChatClient.refusal(uri, origin, null)).isNotZero();
        assertThat(ChatClient.refusal(uri, origin, ChatClient.signIn(port, outsider.email(), PASSWORD)))
                .isEqualTo(403);
        var member = agent(desk.team(), Role.AGENT, false);
        String cookie = ChatClient.signIn(port, member.email(), PASSWORD);
        assertThat(ChatClient.refusal(uri, "https://evil.example", cookie)).isEqualTo(403);
        assertThat(ChatClient.refusal(uri, origin, cookie)).isZero();
    }

    @Test
    void aWatchingAgentWhoDidNotAcceptTheChatMayNotWriteInIt() {
        var desk = desk();
        var watcher = agent(desk.team(), Role.AGENT, false);
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello"));
            widget.next("ack");
            var chat = chatOf(token, desk);
            try (var panel =
                    ChatClient.agent(port, chat.caseNumber(), ChatClient.signIn(port, watcher.email(), PASSWORD))) {
                panel.send(Map.of("type", "hello", "after", 0));
                assertThat(panel.next("welcome").get("mayWrite").asBoolean()).isFalse();
                panel.send(Map.of("type", "message", "id", "a-1", "text", "Hi"));
                assertThat(panel.next("error").get("code").asString()).isEqualTo("not-joined");
            }
            assertThat(lookup.detail(new CaseId(chat.caseId())).timeline())
                    .noneMatch(e -> e.kind().value().equals("message_out"));
        }
    }

    @Test
    void framesTheProtocolDoesNotAllowAreRefusedAndChangeNothing() {
        var desk = desk();
        try (var widget = widget()) {
            widget.send(Map.of("type", "message", "id", "c-1", "text", "before hello"));
            assertThat(widget.next("error").get("code").asString()).isEqualTo("hello-first");
            widget.sendRaw("not json");
            assertThat(widget.next("error").get("code").asString()).isEqualTo("bad-frame");
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "x".repeat(2001)));
            assertThat(widget.next("error").get("code").asString()).isEqualTo("too-long");
            widget.send(Map.of("type", "message", "id", "c-2", "text", "   "));
            assertThat(widget.next("error").get("code").asString()).isEqualTo("invalid");
            assertThat(jdbc.sql("select count(*) from chat.conversation where visitor_digest = :d")
                            .param("d", VisitorTokens.digest(token))
                            .query(Long.class)
                            .single())
                    .isZero();
        }
        try (var widget = widget()) {
            widget.send(Map.of("type", "hello", "mailbox", "nobody@example.com"));
            assertThat(widget.next("error").get("code").asString()).isEqualTo("unknown-mailbox");
            widget.next("closed");
        }
    }

    @Test
    void aConnectionSendingTooFastIsToldToSlowDown() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            widget.next("welcome");
            for (int i = 0; i < 12; i++) {
                widget.send(Map.of("type", "message", "id", "c-" + i, "text", "spam " + i));
            }
            JsonNode refused =
                    widget.next("error", f -> f.get("code").asString().equals("rate-limited"));
            assertThat(refused.get("id").asString()).startsWith("c-");
        }
    }
}
