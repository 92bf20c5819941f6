package dev.casekeeper.channels.email;

import java.util.Locale;

/** How a connection to a mail server is protected: TLS from the start, upgraded with STARTTLS, or not at all. */
public enum TransportSecurity {
    TLS,
    STARTTLS,
    NONE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransportSecurity from(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    /** The usual IMAP port for this protection. */
    int imapPort() {
        return this == TLS ? 993 : 143;
    }

    /** The usual submission port for this protection. */
    int smtpPort() {
        return switch (this) {
            case TLS -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
    }
}
