package dev.casekeeper.imports;

import java.util.Locale;

/** Where an import's files come from. */
public enum ImportSource {
    /** Zendesk's JSON exports: organizations, users, ticket fields, tickets and their comments. */
    ZENDESK,
    /** CSV files: customers, and cases with their first message. */
    CSV;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportSource from(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
