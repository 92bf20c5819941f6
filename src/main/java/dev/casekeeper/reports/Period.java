package dev.casekeeper.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How a report groups its days: by day, by week (Monday first) or by month, in the desk's zone. */
enum Period {
    DAY("%s"),
    WEEK("date_trunc('week', %s)::date"),
    MONTH("date_trunc('month', %s)::date");

    private final String sql;

    Period(String sql) {
        this.sql = sql;
    }

    /** The SQL expression of the first day of the period a day column falls in. */
    String bucket(String dayColumn) {
        return sql.formatted(dayColumn);
    }

    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Period from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
