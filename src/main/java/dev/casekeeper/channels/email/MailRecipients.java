package dev.casekeeper.channels.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Addresses an agent typed into To, Cc, Bcc or a forward's To: one list, or one field separated by
 * commas, semicolons or new lines, each checked strictly (RFC 822 syntax, a domain). A wrong one is
 * named under its field; duplicates are kept once, in the first field they appear.
 */
final class MailRecipients {

    private MailRecipients() {}

    /** The addresses of one field, each in its bare form; a wrong one puts an error under {@code field}. */
    static List<String> parse(
            @Nullable List<String> typed, String field, LinkedHashSet<String> seen, Map<String, String> errors) {
        var addresses = new ArrayList<String>();
        if (typed == null) {
            return addresses;
        }
        for (String value : typed) {
            if (value == null) {
                continue;
            }
            for (String piece : value.split("[,;\\n]")) {
                String candidate = piece.strip();
                if (candidate.isEmpty()) {
                    continue;
                }
                String address = address(candidate);
                if (address == null) {
                    errors.putIfAbsent(field, candidate + " is not an email address");
                    continue;
                }
                if (seen.add(address.toLowerCase(java.util.Locale.ROOT))) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    static @Nullable String address(String typed) {
        try {
            var address = new InternetAddress(typed, true);
            address.validate();
            String bare = address.getAddress();
            int at = bare.indexOf('@');
            if (at < 1 || at == bare.length() - 1 || bare.endsWith(".invalid")) {
                return null;
            }
            return bare;
        } catch (AddressException e) {
            return null;
        }
    }
}
