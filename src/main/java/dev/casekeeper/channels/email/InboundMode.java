package dev.casekeeper.channels.email;

import java.util.Locale;

/** How mail reaches a mailbox: Casekeeper is its SMTP server (the MX or a forward), or it fetches from an IMAP server. */
public enum InboundMode {
    SMTP,
    IMAP;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InboundMode from(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
