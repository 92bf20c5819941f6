package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** How a re-delivery is told from a different message: by content, not by Message-ID alone. */
class RawHeadersTests {

    private static final String MESSAGE = """
            From: maria@example.org
            To: support@desk.example.com
            Subject: Activation key
            Message-ID: <abc@client.example.net>

            My key is gone.
            """;

    @Test
    void aRedeliveryThroughAnotherRelayHasTheSameHash() {
        String relayed =
                "Return-Path: <maria@example.org>\nReceived: from relay2.example.net\n\tby mx.example.com; Tue, 3 Mar 2026\n"
                        + "Delivered-To: support@desk.example.com\n" + MESSAGE;

        assertThat(hash(relayed)).isEqualTo(hash(MESSAGE));
    }

    @Test
    void lineEndingsDoNotMakeAnotherMessage() {
        assertThat(hash(MESSAGE.replace("\n", "\r\n"))).isEqualTo(hash(MESSAGE));
        assertThat(hash(MESSAGE.replace("\n", "\r"))).isEqualTo(hash(MESSAGE));
    }

    @Test
    void differentMessagesSharingAMessageIdAreDifferent() {
        String other = MESSAGE.replace("My key is gone.", "Never mind, found it.");

        assertThat(RawHeaders.of(bytes(other)).messageId())
                .isEqualTo(RawHeaders.of(bytes(MESSAGE)).messageId());
        assertThat(hash(other)).isNotEqualTo(hash(MESSAGE));
    }

    @Test
    void aMessageWithoutMessageIdIsStillAMessage() {
        String anonymous = MESSAGE.replace("Message-ID: <abc@client.example.net>\n", "");

        assertThat(RawHeaders.of(bytes(anonymous)).messageId()).isNull();
        assertThat(hash(anonymous)).isNotEqualTo(hash(MESSAGE));
    }

    @Test
    void everyCorpusMessageHashesAlikeAsAFileAndAsDeliveredBySmtp() {
        var different = new ArrayList<String>();
        for (var sample : Corpora.all()) {
            String text = new String(sample.raw(), StandardCharsets.ISO_8859_1)
                    .replace("\r\n", "\n")
                    .replace('\r', '\n');
            String delivered =
                    "Received: from client.example.net (localhost [127.0.0.1])\r\n        by desk.example.com"
                            + " with SMTP id 1;\r\n        Tue, 3 Mar 2026 10:00:00 +0000\r\n"
                            + text.replace("\n", "\r\n");
            if (!java.util.Arrays.equals(
                    RawHeaders.of(sample.raw()).contentHash(),
                    RawHeaders.of(delivered.getBytes(StandardCharsets.ISO_8859_1))
                            .contentHash())) {
                different.add(sample.name());
            }
        }
        assertThat(different).isEmpty();
    }

    private static String hash(String message) {
        return java.util.HexFormat.of().formatHex(RawHeaders.of(bytes(message)).contentHash());
    }

    private static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
