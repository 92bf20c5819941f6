package dev.casekeeper.sla;

import java.util.Locale;

/** What an SLA clock measures. */
public enum Target {
    /** From the case's opening to the first public reply. */
    FIRST_RESPONSE,
    /** From a customer message after a reply to the next public reply; a new cycle for each. */
    NEXT_RESPONSE,
    /** From the opening to solved, not counting time waiting on the customer (or a third party, if the policy says). */
    RESOLUTION;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
