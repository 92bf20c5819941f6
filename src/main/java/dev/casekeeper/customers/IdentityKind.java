package dev.casekeeper.customers;

import java.util.Locale;

/** The ways a customer can be recognised. */
public enum IdentityKind {
    EMAIL,
    PHONE,
    /** A chat widget visitor: the SHA-256 digest (hex) of the secret token the visitor's browser keeps. */
    CHAT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentityKind from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
