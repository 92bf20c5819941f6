package dev.casekeeper.reports;

import java.util.List;

/**
 * A report: its query, one row per period and the whole in one row, and the estimate of the
 * dissatisfied customers behind the complaints (complaints × the silent factor, seed 002).
 */
record Report(ReportQuery query, List<Metrics> rows, Metrics total, double silentFactor) {

    /** Dissatisfied customers estimated behind the complaints of the report. */
    public long estimatedDissatisfied() {
        return Math.round(total.complaints() * silentFactor);
    }
}
