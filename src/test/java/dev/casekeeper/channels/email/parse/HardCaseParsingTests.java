package dev.casekeeper.channels.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Mail that real senders produce and that breaks naive parsers: forwards inside forwards, attachments
 * far over the limit, and headers that lie. (HTML written to attack the agent is sanitized when it is
 * stored; see EmailIngestionTests.)
 */
class HardCaseParsingTests {

    private static final MimeParser.Limits LIMITS =
            new MimeParser.Limits(1024 * 1024, 10, 200_000, 1_000_000, "/email/attachments/");

    @Test
    void aForwardOfAForwardOfAForwardKeepsEveryLayerAsContent() {
        String innermost =
                message("Printer <printer@vendor.example>", "Toner recall", "text/plain", "Your toner is recalled.");
        String middle = forwardOf("Tom <tom@example.org>", "Fwd: Toner recall", "See below.", innermost);
        String outer = forwardOf(
                "Maria Lopez <maria@example.org>", "Fwd: Fwd: Toner recall", "Is this about my order?", middle);

        var parsed = MimeParser.parse(outer.getBytes(StandardCharsets.UTF_8), LIMITS);

        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.text()).contains("Is this about my order?", "See below.", "Your toner is recalled.");
        assertThat(parsed.forwarded())
                .extracting(ParsedMessage.Forwarded::subject)
                .containsExactlyInAnyOrder("Fwd: Toner recall", "Toner recall");
        assertThat(parsed.quotedText())
                .as("a forward is content, never folded history")
                .isNull();
    }

    @Test
    void forwardsNestedPastTheDepthLimitStopWithAWarningInsteadOfRecursingForever() {
        String message = message("Bot <bot@example.org>", "Layer 0", "text/plain", "The bottom.");
        for (int layer = 1; layer <= 40; layer++) {
            message = forwardOf("Bot <bot@example.org>", "Layer " + layer, "Layer " + layer + " text.", message);
        }

        var parsed = MimeParser.parse(message.getBytes(StandardCharsets.UTF_8), LIMITS);

        assertThat(parsed.text()).contains("Layer 40 text.");
        assertThat(parsed.warnings()).anySatisfy(w -> assertThat(w).contains("nested deeper"));
    }

    @Test
    void anAttachmentOverTheLimitIsListedWithTheReasonButNotKept() {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        String raw = multipart(
                "Maria <maria@example.org>",
                "Scan of the contract",
                part("text/plain; charset=utf-8", null, "The scan is attached."),
                part(
                        "application/octet-stream; name=\"scan.tif\"",
                        "attachment; filename=\"scan.tif\"",
                        java.util.Base64.getMimeEncoder().encodeToString(big),
                        "base64"));

        var parsed = MimeParser.parse(raw.getBytes(StandardCharsets.US_ASCII), LIMITS);

        assertThat(parsed.text()).isEqualTo("The scan is attached.");
        assertThat(parsed.attachments()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("scan.tif");
            assertThat(file.content()).isNull();
            assertThat(file.omitted()).isNotBlank();
            assertThat(file.size()).isGreaterThan(LIMITS.maxAttachmentSize());
        });
    }

    @Test
    void aFromHeaderWithTwoAddressesOrAnEncodedLookAlikeIsReadAsWritten() {
        String raw = "From: \"support@shop.example\" <attacker@evil.example>\r\n"
                + "Sender: =?utf-8?B?bWFyaWFAZXhhbXBsZS5vcmc=?= <other@evil.example>\r\n"
                + "To: support@desk.example.com\r\nSubject: Refund [#1042]\r\nMessage-ID: <spoof@evil.example>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nPlease refund to my new account.\r\n";

        var parsed = MimeParser.parse(raw.getBytes(StandardCharsets.UTF_8), LIMITS);

        // Threading judges the address, never the display name that imitates one.
        assertThat(parsed.from()).isNotNull();
        assertThat(parsed.from().address()).isEqualTo("attacker@evil.example");
        assertThat(parsed.from().name()).isEqualTo("support@shop.example");
    }

    /**
     * Apple Mail and MHTML writers name a part only by its Content-Location; a person sees that name
     * (Photo25.jpg), not a made-up one. A URL counts by its last path segment.
     */
    @Test
    void aFileNamedOnlyByItsContentLocationKeepsThatName() {
        String raw = multipart(
                "Maria <maria@example.org>",
                "Photos",
                part("text/plain; charset=utf-8", null, "Two photos of the damage."),
                "Content-Type: image/jpeg\r\nContent-Location: Photo25.jpg\r\nContent-Disposition: inline\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ",
                "Content-Type: image/png\r\nContent-Location: \"https://cdn.shop.example/img/dent%201.png?size=2#top\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=",
                "Content-Type: image/gif; name=\"named.gif\"\r\nContent-Location: other.gif\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\nR0lGODlh",
                "Content-Type: image/png\r\nContent-Location: https://cdn.shop.example/\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=");

        var parsed = MimeParser.parse(raw.getBytes(StandardCharsets.US_ASCII), LIMITS);

        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::filename)
                .containsExactly("Photo25.jpg", "dent 1.png", "named.gif", "attachment.png");
    }

    private static String message(String from, String subject, String type, String body) {
        return "From: " + from + "\r\nTo: support@desk.example.com\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + java.util.UUID.randomUUID() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + type + "\r\n\r\n" + body + "\r\n";
    }

    private static String forwardOf(String from, String subject, String text, String forwarded) {
        String boundary = "b" + java.util.UUID.randomUUID().toString().replace("-", "");
        return "From: " + from + "\r\nTo: support@desk.example.com\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + java.util.UUID.randomUUID() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n"
                + "--" + boundary + "\r\nContent-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n"
                + forwarded + "\r\n--" + boundary + "--\r\n";
    }

    private static String multipart(String from, String subject, String... parts) {
        var message = new StringBuilder("From: " + from + "\r\nTo: support@desk.example.com\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + java.util.UUID.randomUUID() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n");
        for (String part : parts) {
            message.append("--outer\r\n").append(part).append("\r\n");
        }
        return message.append("--outer--\r\n").toString();
    }

    private static String part(String type, String disposition, String body) {
        return part(type, disposition, body, null);
    }

    private static String part(String type, String disposition, String body, String encoding) {
        return "Content-Type: " + type + "\r\n"
                + (disposition == null ? "" : "Content-Disposition: " + disposition + "\r\n")
                + (encoding == null ? "" : "Content-Transfer-Encoding: " + encoding + "\r\n")
                + "\r\n" + body;
    }
}
