package dev.casekeeper.channels.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.channels.email.Corpora;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The email-repro corpus (each message reproduces one way a mail was shown wrong) and the shapes of
 * the same defects that the corpus does not spell out: read as an agent should see them.
 */
class ReproParsingTests {

    private static final MimeParser.Limits LIMITS = new MimeParser.Limits(25L << 20, 100, 200_000, 1_000_000, "/a/");

    private static ParsedMessage repro(String prefix) {
        return MimeParser.parse(Corpora.repro(prefix), LIMITS);
    }

    private static ParsedMessage parse(String raw) {
        return MimeParser.parse(raw.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    @Test
    void aHeaderContinuationLineOfOnlyWhitespaceFoldsInsteadOfEndingTheHeaders() {
        var parsed = repro("R4-");

        assertThat(parsed.subject()).isEqualTo("R4 aba5a whitespace-only continuation line");
        assertThat(parsed.messageId()).isEqualTo("r4.aba5a@x");
        assertThat(parsed.inReplyTo()).isEqualTo("something@x");
        assertThat(parsed.to())
                .extracting(ParsedMessage.Mailbox::address)
                .containsExactly("support@desk.test", "cc-person@cust.test");
        assertThat(parsed.text()).isEqualTo("Visible plain text R4");
    }

    @Test
    void aReplyWithAWhitespaceFoldKeepsTheHeadersThatThreadIt() {
        var parsed = repro("R4b-");

        assertThat(parsed.subject()).isEqualTo("Re: Printer a8428 broken");
        assertThat(parsed.inReplyTo()).isEqualTo("p1.a8428@cust.test");
        assertThat(parsed.references()).containsExactly("p1.a8428@cust.test");
        assertThat(parsed.text()).isEqualTo("Still broken.");
    }

    @Test
    void aWhitespaceFoldInThePartHeadersOfAMultipartKeepsThePart() {
        var parsed = parse("""
                From: a@example.org\r
                Subject: nested fold\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain;\r
                 \r
                \tcharset=utf-8\r
                \r
                Text of the part\r
                --b--\r
                """);

        assertThat(parsed.text()).isEqualTo("Text of the part");
    }

    @Test
    void aWhitespaceLineFollowedByTheBodyStillEndsTheHeaders() {
        var parsed =
                parse("From: a@example.org\r\nSubject: separator of spaces\r\n  \r\nHello there.\r\nSecond line.\r\n");

        assertThat(parsed.subject()).isEqualTo("separator of spaces");
        assertThat(parsed.text()).isEqualTo("Hello there.\nSecond line.");
    }

    @Test
    void anHtmlAlternativeThatShowsNothingLeavesThePlainText() {
        for (String prefix : new String[] {"R1-", "R2-"}) {
            var parsed = repro(prefix);

            assertThat(parsed.text()).as(prefix).isEqualTo("Visible plain text " + prefix.substring(0, 2));
            assertThat(parsed.html()).as(prefix).isNull();
        }
    }

    @Test
    void anAttachedHtmlFileIsAnAttachmentAndTheTextStays() {
        var parsed = repro("R3-");

        assertThat(parsed.text()).isEqualTo("Visible plain text R3, invoice attached");
        assertThat(parsed.html()).isNull();
        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::filename)
                .containsExactly("invoice.html");
    }

    @Test
    void aSingleTextPartWithANameIsTheText() {
        var parsed = repro("R5-");

        assertThat(parsed.text()).isEqualTo("Visible plain text R5");
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void anInlineImageNoHtmlRefersToIsListedAsAnAttachment() {
        var parsed = repro("R6-");

        assertThat(parsed.text()).isEqualTo("Visible plain text R6, photo of the damage below");
        assertThat(parsed.attachments()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("damage.png");
            assertThat(file.inline())
                    .as("inline means shown in place in the HTML, and there is none")
                    .isFalse();
            assertThat(file.content()).isNotEmpty();
        });
    }

    @Test
    void aMessageWithoutAHeaderBlockIsShownAsTextWithAWarning() {
        var parsed = repro("R7-");

        assertThat(parsed.text())
                .isEqualTo("Visible plain text R7 aba5a: a message with no header fields at all.\nSecond line.");
        assertThat(parsed.warnings()).singleElement().asString().contains("no header");
    }

    /**
     * As stored: the SMTP listener adds a Received field, as RFC 5321 asks of it, and an IMAP server
     * hands over the trace fields of the servers the mail passed. They are not the sender's headers.
     */
    @Test
    void aMessageWithoutAHeaderBlockIsTextAlsoBehindTheTraceFieldsOfTheServersItPassed() {
        String trace =
                "Return-Path: <repro.aba5a@cust.test>\r\nReceived: from client.cust.test (client.cust.test [192.0.2.7])\r\n"
                        + "        by desk.test with SMTP; Sun, 6 Dec 2026 07:00:00 +0000\r\n";

        var parsed = parse(trace + new String(Corpora.repro("R7-"), StandardCharsets.UTF_8));

        assertThat(parsed.text())
                .isEqualTo("Visible plain text R7 aba5a: a message with no header fields at all.\nSecond line.");
        assertThat(parsed.warnings()).singleElement().asString().contains("no header");

        var onlyTrace = parse(trace + "\r\nText after a header block of trace fields only.\r\n");
        assertThat(onlyTrace.text()).isEqualTo("Text after a header block of trace fields only.");
        assertThat(onlyTrace.warnings()).isEmpty();

        var brokenLine = parse(trace
                + "quite Delivered-To: a@example.org\r\nFrom: a@example.org\r\nSubject: one broken line\r\n\r\nHi\r\n");
        assertThat(brokenLine.subject())
                .as("a line that is no field among the sender's fields")
                .isEqualTo("one broken line");
        assertThat(brokenLine.text()).isEqualTo("Hi");
    }

    @Test
    void aUtf8AddressIsReadAsUtf8AndItsLocalPartKeptAsWritten() {
        var parsed = repro("R8-");

        assertThat(parsed.from()).isNotNull();
        assertThat(parsed.from().address()).isEqualTo("jöhn.aba5a@mächine.example");
        assertThat(parsed.from().name()).isEqualTo("Jöhn");
        assertThat(parsed.text()).isEqualTo("Visible plain text R8");

        var mixedCase = parse("From: Maria <Maria.Lopez@Example.ORG>\r\nSubject: x\r\n\r\nHi\r\n");
        assertThat(mixedCase.from().address())
                .as("the domain is case-insensitive, the local part is the owner's")
                .isEqualTo("Maria.Lopez@example.org");
    }

    @Test
    void anEmptyParameterInTheContentTypeKeepsTheMultipart() {
        var parsed = parse("""
                From: a@example.org\r
                Subject: empty parameter\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed;; boundary="b";\r
                \r
                --b\r
                Content-Type: text/plain;; charset=utf-8\r
                \r
                Text behind an empty parameter\r
                --b\r
                Content-Type: application/pdf;; name="a.pdf"\r
                Content-Disposition: attachment;; filename="a.pdf"\r
                \r
                %PDF\r
                --b--\r
                """);

        assertThat(parsed.text()).isEqualTo("Text behind an empty parameter");
        assertThat(parsed.attachments())
                .extracting(ParsedMessage.Attachment::filename)
                .containsExactly("a.pdf");
    }

    @Test
    void base64WithTrailingGarbageDecodesTheTextAndSaysWhatWasLeftOut() {
        String encoded = java.util.Base64.getMimeEncoder()
                .encodeToString("Grüße aus Köln, die Lieferung fehlt.".getBytes(StandardCharsets.UTF_8));
        var parsed = parse("From: a@example.org\r\nSubject: b64\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + encoded + "\r\n\r\n-- \r\nSent from my phone (this footer is not base64!)\r\n");

        assertThat(parsed.text()).isEqualTo("Grüße aus Köln, die Lieferung fehlt.");
        assertThat(parsed.warnings()).anySatisfy(w -> assertThat(w).contains("base64"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "boundary=\"a b c\"|a b c",
                "boundary=----=_NextPart_000_0001|----=_NextPart_000_0001",
                "boundary=\"----=_NextPart_000_0001\"|----=_NextPart_000_0001",
                "Boundary=\"XX\"|XX",
                "boundary=\"  padded\"|  padded",
                "boundary=\"(parens)?+:,.\"|(parens)?+:,.",
                "boundary=\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890\"|0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "boundary=simple; charset=utf-8|simple",
                "boundary='single'|single",
                "boundary=\"quoted\"; boundary=\"second\"|quoted",
                "boundary = \"spaced\"|spaced",
                "boundary=--|--",
                "boundary=\"ends-with-dashes--\"|ends-with-dashes--"
            })
    void unusualBoundariesKeepTheText(String spec) {
        String parameter = spec.substring(0, spec.indexOf('|'));
        String boundary = spec.substring(spec.indexOf('|') + 1);
        var parsed = parse("From: a@example.org\r\nSubject: boundary\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; " + parameter + "\r\n\r\npreamble\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nThe text inside\r\n"
                + "--" + boundary + "--\r\n");

        assertThat(parsed.text()).as(spec).isEqualTo("The text inside");
    }
}
