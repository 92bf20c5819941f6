package dev.casekeeper.reports;

import java.util.Locale;

/** The kinds of timeline entries reports count, as stored in {@code reports.case_moment.kind}. */
enum MomentKind {
    REOPENED,
    HOLD,
    SLA_WARNED,
    SLA_BREACHED,
    PROMISE,
    CALLBACK,
    RATING,
    COMPLIMENT,
    COMPLAINT,
    /** The case first became heated (assist): {@code secs} until a supervisor joined, {@code flag} whether one did. */
    HEATED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
