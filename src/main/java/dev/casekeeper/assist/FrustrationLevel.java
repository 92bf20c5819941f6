package dev.casekeeper.assist;

import java.util.Locale;

/** How frustrated a customer message reads, by the configured thresholds. */
public enum FrustrationLevel {
    /** Below the frustrated threshold. */
    CALM,
    /** At or above {@code casekeeper.assist.frustrated-threshold}: the reply should acknowledge it. */
    FRUSTRATED,
    /** At or above {@code casekeeper.assist.heated-threshold}, or a request for a supervisor: a supervisor is told. */
    HEATED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(FrustrationLevel other) {
        return compareTo(other) >= 0;
    }
}
