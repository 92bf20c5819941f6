package dev.casekeeper.assist.web;

import dev.casekeeper.assist.HeatedCase;
import dev.casekeeper.cases.CaseSummary;
import org.jspecify.annotations.Nullable;

/**
 * A heated case as the supervisors' view lists it: the case, who owns it, and what made it heated;
 * {@code mine} when the viewer owns it already, so there is nothing to take over.
 */
record HeatedRow(CaseSummary kase, @Nullable String ownerName, HeatedCase heated, boolean mine) {

    public long number() {
        return kase.number();
    }

    public String signals() {
        return String.join(", ", heated.signals());
    }
}
