package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the cluster bus may have lost frames (its connection dropped: see the bus's contract tests),
 * the chats with a socket on this node get what was stored since the last message the node passed
 * on, read from the chat's tables, and nothing they had already.
 */
class ChatCatchUpTests extends ChatTestBase {

    @Autowired
    ChatHub hub;

    @Autowired
    ConversationQueries queries;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aMessageStoredWhileFramesWereLostReachesTheWidgetOnceTheBusSaysSo() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Is anyone there?"));
            assertThat(widget.next("ack").get("seq").asLong()).isEqualTo(1);
            var chat = chatOf(token, desk);

            // Stored, as a reply is, but its frame never crossed the bus.
            var missed = new TransactionTemplate(transactions)
                    .execute(status -> queries.append(
                            queries.lock(chat.id()).orElseThrow(),
                            ChatMessage.AGENT,
                            null,
                            "Robin",
                            null,
                            null,
                            "Yes, reading your message now.",
                            null,
                            Instant.now()));
            hub.missedMessages();

            var frame = widget.next("message");
            assertThat(frame.get("seq").asLong()).isEqualTo(missed.seq());
            assertThat(frame.get("text").asString()).isEqualTo("Yes, reading your message now.");
        }
    }
}
