package dev.casekeeper.channels.email;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which mailbox an address belongs to: the mailbox's own address, or a reply-token form of it
 * ({@code support+token@example.com}). Only active mailboxes receive.
 */
@Component
class MailboxDirectory {

    private final MailboxQueries mailboxes;

    MailboxDirectory(MailboxQueries mailboxes) {
        this.mailboxes = mailboxes;
    }

    Optional<MailboxRow> receiving(String recipient, InboundMode mode) {
        var address = Address.parse(recipient);
        if (address == null) {
            return Optional.empty();
        }
        return mailboxes.findByAddress(address.base()).filter(m -> m.active() && m.inboundMode() == mode);
    }

    /** An address split into its mailbox part and its reply token, if it carries one. */
    record Address(String base, @Nullable String token) {

        static @Nullable Address parse(String value) {
            String address = value.strip().toLowerCase(Locale.ROOT);
            if (address.startsWith("<") && address.endsWith(">")) {
                address = address.substring(1, address.length() - 1);
            }
            int at = address.lastIndexOf('@');
            if (at <= 0 || at == address.length() - 1) {
                return null;
            }
            String local = address.substring(0, at);
            String domain = address.substring(at + 1);
            int plus = local.indexOf('+');
            if (plus < 0) {
                return new Address(address, null);
            }
            String token = local.substring(plus + 1);
            return new Address(local.substring(0, plus) + "@" + domain, token.isEmpty() ? null : token);
        }
    }
}
