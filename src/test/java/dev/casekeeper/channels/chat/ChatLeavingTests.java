package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.routing.ContactState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A customer who leaves before an agent answers is abandoned (with a callback when they gave a way
 * to reach them); a dropped connection is not leaving until the grace period (1 s in tests) passes
 * with no socket of the chat open. Nobody available: a message becomes an email case, or a call
 * back is asked for. A request for a supervisor is honoured.
 */
class ChatLeavingTests extends ChatTestBase {

    @Autowired
    Conversations conversations;

    @Test
    void aCustomerWhoLeavesWhileWaitingIsAbandonedWithACallbackToTheEmailTheyGave() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "start", "name", "Maria", "email", "maria@example.com"));
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello?"));
            widget.next("ack");
            widget.send(Map.of("type", "leave"));
            widget.next("ended");
            var chat = chatOf(token, desk);
            assertThat(chat.state()).isEqualTo(Conversation.State.ENDED);
            var contact = contactOf(chat);
            assertThat(contact.state()).isEqualTo(ContactState.ABANDONED);
            assertThat(callbackEmail(chat)).isEqualTo("maria@example.com");
        }
    }

    @Test
    void aDroppedConnectionThatDoesNotComeBackIsAbandonedAfterTheGracePeriod() {
        var desk = desk();
        String token;
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello?"));
            widget.next("ack");
            widget.drop();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> chatOf(token, desk).state() == Conversation.State.ENDED);
        assertThat(contactOf(chatOf(token, desk)).state()).isEqualTo(ContactState.ABANDONED);
        assertThat(contactOf(chatOf(token, desk)).waited()).isPositive();
    }

    @Test
    void aDroppedConnectionIsNotLeavingWhileAnotherOfTheCustomersConnectionsIsOpen() throws Exception {
        var desk = desk();
        try (var first = widget();
                var second = widget()) {
            hello(first, desk, null, 0);
            String token = first.next("welcome").get("token").asString();
            first.send(Map.of("type", "message", "id", "c-1", "text", "Hello?"));
            first.next("ack");
            hello(second, desk, token, 0);
            second.next("welcome");
            second.next("message");
            first.drop();
            // Well past the grace period: still waiting, on the second connection.
            Thread.sleep(3000);
            assertThat(chatOf(token, desk).state()).isEqualTo(Conversation.State.WAITING);
            assertThat(contactOf(chatOf(token, desk)).state()).isEqualTo(ContactState.WAITING);
        }
    }

    @Test
    void withNobodyAvailableAMessageLeftWithAnEmailBecomesAnEmailCaseOfTheMailboxTeam() {
        var desk = desk();
        String token;
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            var welcome = widget.next("welcome");
            token = welcome.get("token").asString();
            assertThat(welcome.get("available").asBoolean()).isFalse();
            widget.send(Map.of(
                    "type",
                    "offline",
                    "id",
                    "o-1",
                    "text",
                    "Please send me a new activation key.",
                    "name",
                    "Maria",
                    "email",
                    "maria.offline@example.com"));
            widget.next("ack");
            widget.send(Map.of(
                    "type",
                    "offline",
                    "id",
                    "o-1",
                    "text",
                    "Please send me a new activation key.",
                    "name",
                    "Maria",
                    "email",
                    "maria.offline@example.com"));
            widget.next("ack");
            assertThat(widget.next("notice").get("key").asString()).isEqualTo("message-left");
        }
        var opened = jdbc.sql("""
                        select m.entry_id from chat.message m join chat.conversation c on c.id = m.conversation_id
                        where c.visitor_digest = :v and m.event = 'message-left' and m.entry_id is not null""")
                .param("v", VisitorTokens.digest(token))
                .query(java.util.UUID.class)
                .list();
        assertThat(opened).hasSize(1);
        var kase = jdbc.sql("select case_id from cases.timeline_entry where id = :e")
                .param("e", opened.getFirst())
                .query(java.util.UUID.class)
                .single();
        var summary = lookup.detail(new CaseId(kase)).summary();
        assertThat(summary.channel()).isEqualTo(Channel.EMAIL);
        assertThat(summary.teamId()).isEqualTo(desk.team());
    }

    @Test
    void withNobodyAvailableACallbackRequestWithAPhoneNumberGoesOnTheCallbackList() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "offline", "id", "o-1", "text", "Please call me", "phone", "+1 555 010 2030"));
            widget.next("ack");
            var chat = chatOf(token, desk);
            assertThat(contactOf(chat).state()).isEqualTo(ContactState.ABANDONED);
            assertThat(jdbc.sql("select phone from routing.callback where contact_id = :c")
                            .param("c", chat.contactId())
                            .query(String.class)
                            .single())
                    .isEqualTo("+1 555 010 2030");
        }
    }

    @Test
    void askingForASupervisorEscalatesTheCaseAndTellsTheCustomerTheyWereHeard() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Let me speak to your manager"));
            widget.next("ack");
            widget.send(Map.of("type", "supervisor", "id", "s-1"));
            assertThat(widget.next("notice").get("key").asString()).isEqualTo("supervisor-requested");
            // The system line on the chat came with it (it is sent when its transaction commits, before the notice).
            assertThat(widget.drain())
                    .anyMatch(f -> "supervisor-requested".equals(f.path("event").asString(""))
                            && "system".equals(f.path("from").asString("")));
            var timeline =
                    lookup.detail(new CaseId(chatOf(token, desk).caseId())).timeline();
            assertThat(timeline).anyMatch(e -> e.event() instanceof dev.casekeeper.cases.TimelineEvent.Escalated);
        }
    }

    @Test
    void aNoticeForTheCaseReachesTheCustomersWidget() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello"));
            widget.next("ack");
            conversations.notice(new CaseId(chatOf(token, desk).caseId()), "on-hold", "test-hold");
            conversations.notice(new CaseId(chatOf(token, desk).caseId()), "on-hold", "test-hold");
            // A numbered line after the customer's message; the same occasion twice is one line.
            assertThat(numberedNotice(widget, "on-hold").get("seq").asLong()).isEqualTo(2);
            assertThat(widget.drain())
                    .filteredOn(f -> "on-hold".equals(f.path("event").asString("")))
                    .hasSize(1);
        }
    }

    private String callbackEmail(Conversation chat) {
        return jdbc.sql("select email from routing.callback where contact_id = :c")
                .param("c", chat.contactId())
                .query(String.class)
                .single();
    }
}
