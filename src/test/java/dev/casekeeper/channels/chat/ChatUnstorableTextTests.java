package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.Role;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.support.WebSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A chat message holding characters Casekeeper cannot store (NUL, half a surrogate pair) used to
 * close the widget's socket and lose the message. A customer's message is never lost: those
 * characters are removed, the rest is kept, and the entry says how many were removed; the removal
 * is counted. An agent's message with them is refused, as agent input is everywhere.
 */
class ChatUnstorableTextTests extends ChatTestBase {

    @Autowired
    CustomerManagement customers;

    @Autowired
    MeterRegistry meters;

    @Test
    void aCustomersMessageKeepsItsTextWithoutTheCharactersAndSaysSoOnTheEntry() {
        var desk = desk();
        double before = removedCount();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.sendRaw("{\"type\": \"start\", \"name\": \"Ma\\u0000ria\", \"topic\": \"Key\\ud800\"}");
            widget.next("started");

            widget.sendRaw(
                    "{\"type\": \"message\", \"id\": \"c-1\", \"text\": \"My key\\u0000 is gone \\ud83d\\ude00\\udc00!\"}");

            assertThat(widget.next("ack").get("id").asString()).isEqualTo("c-1");
            widget.send(Map.of("type", "message", "id", "c-2", "text", "Still there?"));
            assertThat(widget.next("ack").get("id").asString()).isEqualTo("c-2");
            assertThat(widget.closed()).isFalse();
            var chat = chatOf(token, desk);
            var kase = lookup.detail(new CaseId(chat.caseId()));
            var first = kase.timeline().stream()
                    .filter(e -> e.kind().value().equals("message_in"))
                    .findFirst()
                    .orElseThrow();
            assertThat(first.bodyText()).isEqualTo("My key is gone 😀!");
            assertThat(first.facts(ChatFacts.class).removedCharacters()).isEqualTo(2);
            assertThat(kase.timeline().stream()
                            .filter(e -> e.kind().value().equals("message_in"))
                            .map(e -> e.facts().removedCharacters()))
                    .last()
                    .isEqualTo(0);
            assertThat(kase.summary().subject()).isEqualTo("Key");
            assertThat(customers.find(kase.summary().requesterId()).displayName())
                    .isEqualTo("Maria");
            assertThat(removedCount() - before).isEqualTo(4);
            var page = WebSession.anonymous(port)
                    .signIn(ADMIN_EMAIL, ADMIN_PASSWORD)
                    .get("/cases/" + chat.caseNumber());
            assertThat(page.html().select("#timeline .entry-warning").text())
                    .isEqualTo(
                            "2 characters that cannot be stored (NUL, or half of a broken emoji) were removed from this message; "
                                    + "the rest is as sent.");
        }
    }

    @Test
    void anAgentsMessageWithThemIsRefusedAndTheSocketStaysOpen() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Hello?"));
            widget.next("ack");
            var chat = chatOf(token, desk);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> contactOf(chat).state() == dev.casekeeper.routing.ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());

            try (var panel =
                    ChatClient.agent(port, chat.caseNumber(), ChatClient.signIn(port, alex.email(), PASSWORD))) {
                panel.send(Map.of("type", "hello", "after", 0));
                panel.next("welcome");
                panel.sendRaw("{\"type\": \"message\", \"id\": \"a-1\", \"text\": \"Hi\\u0000\"}");

                assertThat(panel.next("error", f -> "a-1".equals(f.path("id").asString("")))
                                .get("code")
                                .asString())
                        .isEqualTo("invalid");
                panel.send(Map.of("type", "message", "id", "a-2", "text", "Hi, how can I help?"));
                assertThat(panel.next("ack").get("id").asString()).isEqualTo("a-2");
            }
            assertThat(lookup.detail(new CaseId(chat.caseId())).timeline())
                    .filteredOn(e -> e.kind().value().equals("message_out"))
                    .extracting(TimelineEntry::bodyText)
                    .containsExactly("Hi, how can I help?");
        }
    }

    private double removedCount() {
        var counter = meters.find("casekeeper.chat.characters.removed").counter();
        return counter == null ? 0 : counter.count();
    }
}
