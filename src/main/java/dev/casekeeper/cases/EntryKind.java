package dev.casekeeper.cases;

import java.util.Locale;

/** What a timeline entry is. */
public enum EntryKind {
    /** A message from the customer. */
    MESSAGE_IN,
    /** A reply to the customer. */
    MESSAGE_OUT,
    /** An internal note, never shown to the customer. */
    NOTE,
    /** Something that happened to the case: status, priority, tags, assignment, transfer. */
    EVENT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryKind from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
