package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the widget tells the customer on the desk's behalf. A notice is a line in the chat with no
 * buttons beside it: it must not ask a question the customer has no way to answer (such as offering
 * a call back, which has no owner before the phone channel).
 */
class ChatTextsTests {

    @Test
    void noNoticeAsksTheCustomerAQuestionTheyCannotAnswer() throws IOException {
        var texts = new Properties();
        try (var in = ChatTextsTests.class.getResourceAsStream("/i18n/chat.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        var notices = texts.stringPropertyNames().stream()
                .filter(k -> k.startsWith("widget.notice."))
                .sorted()
                .toList();
        assertThat(notices).contains("widget.notice.hold-limit", "widget.notice.on-hold", "widget.notice.transferred");
        assertThat(notices)
                .allSatisfy(key -> assertThat(texts.getProperty(key)).as(key).doesNotContain("?"));
        assertThat(texts.getProperty("widget.notice.hold-limit"))
                .as("at the hold limit")
                .doesNotContainIgnoringCase("call you back");
    }
}
