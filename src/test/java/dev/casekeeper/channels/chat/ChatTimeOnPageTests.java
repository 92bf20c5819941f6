package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A script that connects and at once writes a first message does not open a case: a first message
 * must come some time after the widget connected, as a person's does. The widget is told when to
 * send it again and nothing is stored before. (An application of its own: the other tests send at once.)
 */
@TestPropertySource(properties = "casekeeper.chat.min-time-before-case=2s")
class ChatTimeOnPageTests extends ChatTestBase {

    @Test
    void aFirstMessageRightAfterConnectingIsToldToWaitAndOpensTheCaseWhenSentAgainLater() {
        var desk = desk();
        try (var widget = widget()) {
            String token =
                    hello(widget, desk, null, 0).next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Buy cheap watches"));
            var error = widget.nextOf("ack", "error");
            assertThat(error.get("code").asString()).isEqualTo("too-soon");
            assertThat(error.get("id").asString()).isEqualTo("c-1");
            assertThat(error.get("retryIn").asLong()).isBetween(1L, 2001L);
            assertThat(jdbc.sql(
                                    "select count(*) from chat.conversation where visitor_digest = :d and case_id is not null")
                            .param("d", VisitorTokens.digest(token))
                            .query(Long.class)
                            .single())
                    .isZero();

            // Sent again once the time has passed, as the widget does: stored, with its case.
            await().pollDelay(Duration.ofMillis(error.get("retryIn").asLong()))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> {
                        widget.send(Map.of("type", "message", "id", "c-1", "text", "Buy cheap watches"));
                        return widget.nextOf("ack", "error")
                                .get("type")
                                .asString()
                                .equals("ack");
                    });
            assertThat(chatOf(token, desk).caseId()).isNotNull();
        }
    }
}
