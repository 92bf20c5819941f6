package dev.casekeeper.channels.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mail from an address that says nobody reads answers to it is automatic, however the sender spells
 * "no reply" in its local part; a person whose name merely contains the letters is not.
 */
class NoReplyAddressTests {

    private static final MimeParser.Limits LIMITS = new MimeParser.Limits(25L << 20, 100, 200_000, 1_000_000, "/a/");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "noreply@example.com", "no-reply@example.com", "no_reply@example.com", "No.Reply@example.com",
                "donotreply@example.com", "do-not-reply@example.com", "do_not_reply@example.com",
                        "noreply-billing@example.com",
                "gmail-noreply@google.com", "notifications.noreply@example.com", "shop+no-reply@example.com"
            })
    void mailFromANoReplyAddressIsAutomatic(String address) {
        assertThat(AutomaticMail.reason(from(address), null, Set.of()))
                .as(address)
                .startsWith("notification from a no-reply address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "snoreply@example.com",
                "norep@example.com",
                "reply@example.com",
                "noreplyer@example.com",
                "noah@example.com"
            })
    void mailFromAPersonWhoseAddressOnlyLooksLikeItIsNot(String address) {
        assertThat(AutomaticMail.reason(from(address), null, Set.of()))
                .as(address)
                .isNull();
    }

    private static ParsedMessage from(String address) {
        String raw = "From: Someone <" + address + ">\r\nTo: support@desk.example.com\r\nSubject: Your invitation\r\n"
                + "Message-ID: <n1@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello.\r\n";
        return MimeParser.parse(raw.getBytes(StandardCharsets.UTF_8), LIMITS);
    }
}
