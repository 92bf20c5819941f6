package dev.casekeeper.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Customer HTML as it is stored: what could run in an agent's browser is gone, the formatting stays. */
class MessageBodiesTests {

    @Test
    void removesScriptsAndEventHandlersAndKeepsFormatting() {
        String html = "<p onclick=\"steal()\">My <b>key</b> is <i>gone</i></p><script>alert(document.cookie)</script>"
                + "<img src=\"https://example.com/receipt.png\" onerror=\"steal()\" alt=\"receipt\">";

        String stored = MessageBodies.sanitize(html);

        assertThat(stored).doesNotContainIgnoringCase("script").doesNotContain("onclick", "onerror", "steal", "alert");
        assertThat(stored).contains("<p>", "<b>key</b>", "<i>gone</i>", "src=\"https://example.com/receipt.png\"");
    }

    @Test
    void keepsOrdinaryLinksAndDropsScriptLinks() {
        String stored = MessageBodies.sanitize(
                "<a href=\"https://shop.example.com/orders/4471\">my order</a> <a href=\"javascript:steal()\">click</a>");

        assertThat(stored).contains("href=\"https://shop.example.com/orders/4471\"", "my order", "click");
        assertThat(stored).doesNotContain("javascript", "steal");
    }

    @Test
    void dropsStylesFramesAndForms() {
        String stored = MessageBodies.sanitize(
                "<style>body{display:none}</style><iframe src=\"https://evil.example\"></iframe>"
                        + "<form action=\"https://evil.example\"><input name=\"password\"></form><table><tr><td>Order 4471</td></tr></table>");

        assertThat(stored).doesNotContain("<style", "display:none", "<iframe", "<form", "<input");
        assertThat(stored).contains("<td>Order 4471</td>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void keepsNoHtmlWhenNoneWasGiven(String html) {
        assertThat(MessageBodies.sanitize(html)).isNull();
        assertThat(MessageBodies.sanitize(null)).isNull();
    }

    /** Stored, it would be shown instead of the message's text, and show nothing. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<html><body></body></html>",
                "<script>track()</script>",
                "<p>&nbsp;</p><div> </div>",
                "<style>p{color:red}</style>",
                "<iframe src=\"https://evil.example\"></iframe>"
            })
    void keepsNoHtmlThatSanitizesToNothingVisible(String html) {
        assertThat(MessageBodies.sanitize(html)).isNull();
    }

    @Test
    void keepsHtmlThatIsOnlyAnImage() {
        assertThat(MessageBodies.sanitize("<img src=\"/email/attachments/1\" alt=\"\">"))
                .contains("<img");
    }
}
