package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frames longer than the socket's small buffer arrive whole; frames past max-frame-bytes close the socket. */
class WholeFramesTests extends ChatTestBase {

    @Test
    void aFrameLongerThanTheBufferIsTakenWhole() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            widget.next("welcome");
            String text = "Mon routeur redémarre toutes les heures. ".repeat(50).substring(0, 1900);
            assertThat(text.length()).isGreaterThan(WholeFrames.BUFFER_CHARS);
            widget.send(Map.of("type", "message", "id", "c-1", "text", text));
            assertThat(widget.next("ack").get("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aFramePastTheLimitClosesTheSocketAsTooBig() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            widget.next("welcome");
            widget.send(Map.of("type", "message", "id", "c-1", "text", "x".repeat(17_000)));
            assertThat(widget.next("closed").get("code").asInt()).isEqualTo(1009);
        }
    }
}
