package dev.casekeeper.reports;

import dev.casekeeper.fields.Field;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report: its query, one row per period and the whole in one row, and the estimate of the
 * dissatisfied customers behind the complaints (complaints × the silent factor, seed 002). Broken
 * down by a custom field ({@code byField}), it also has the whole once per value of that field.
 */
record Report(
        ReportQuery query,
        List<Metrics> rows,
        Metrics total,
        double silentFactor,
        @Nullable Field byField,
        List<FieldValueFigures> byValue) {

    Report(ReportQuery query, List<Metrics> rows, Metrics total, double silentFactor) {
        this(query, rows, total, silentFactor, null, List.of());
    }

    /** Dissatisfied customers estimated behind the complaints of the report. */
    public long estimatedDissatisfied() {
        return Math.round(total.complaints() * silentFactor);
    }

    /**
     * The whole report for the cases that hold one value of the field it is broken down by.
     *
     * @param value the value as stored, in text ({@code true} or {@code false} for a checkbox); null
     *     for the cases without a value
     */
    record FieldValueFigures(@Nullable String value, Metrics figures) {}
}
