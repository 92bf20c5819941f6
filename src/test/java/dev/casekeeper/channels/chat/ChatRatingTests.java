package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.Role;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.routing.ContactState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The end screen of a chat: when the chat ends because its case was solved, the widget gets the rating page. */
class ChatRatingTests extends ChatTestBase {

    @Test
    void aChatEndedBySolvingItsCaseOffersTheSignedRatingPage() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            var welcome = widget.next("welcome");
            String token = welcome.get("token").asString();
            assertThat(welcome.get("texts").get("rate.bad").asString()).isEqualTo("Bad");
            widget.send(Map.of("type", "message", "id", "c-1", "text", "My router blinks red."));
            widget.next("ack");
            var chat = chatOf(token, desk);
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            contactOf(chat).offerId() != null && contactOf(chat).state() == ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());
            widget.next("message", f -> "joined".equals(f.path("event").asString("")));

            cases.change(
                    new CaseId(chat.caseId()),
                    new ChangeCase(CaseStatus.SOLVED, null, null),
                    agents.signedIn(alex.id()).orElseThrow());

            var ended = widget.next("ended");
            assertThat(ended.get("rate").asString()).startsWith("http://portal.casekeeper.test/portal/rate/");
        }
    }

    @Test
    void aChatTheCustomerLeavesUnsolvedOffersNoRating() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            widget.next("welcome");
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Anyone there?"));
            widget.next("ack");
            widget.send(Map.of("type", "leave"));

            assertThat(widget.next("ended").has("rate")).isFalse();
        }
    }
}
