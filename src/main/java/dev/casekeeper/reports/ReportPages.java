package dev.casekeeper.reports;

import dev.casekeeper.fields.Field;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the report templates ask of their figures, as {@code @reportPages}: charts, durations, shares. */
@Component("reportPages")
class ReportPages {

    private final ReportsSettings settings;
    private final ReportFields fields;
    private final MessageSource messages;

    ReportPages(ReportsSettings settings, ReportFields fields, MessageSource messages) {
        this.settings = settings;
        this.fields = fields;
        this.messages = messages;
    }

    /** The custom fields of cases the report filters by. */
    public List<Field> caseFields() {
        return fields.caseFields();
    }

    /** The custom fields the report can be broken down by (dropdowns and checkboxes). */
    public List<Field> groupableFields() {
        return fields.groupable();
    }

    /** A value of the field a report is broken down by, as people read it. */
    public String valueLabel(@Nullable String value) {
        var locale = LocaleContextHolder.getLocale();
        if (value == null) {
            return messages.getMessage("reports.byField.none", null, locale);
        }
        return switch (value) {
            case "true" -> messages.getMessage("fields.yes", null, locale);
            case "false" -> messages.getMessage("fields.no", null, locale);
            default -> value;
        };
    }

    /**
     * The chart of a report broken down by a custom field: cases created, solved and reopened per value
     * of the field; null when the report is not broken down.
     */
    public @Nullable BarChart byValueChart(Report report) {
        if (report.byField() == null) {
            return null;
        }
        var rows =
                report.byValue().stream().map(Report.FieldValueFigures::figures).toList();
        var labels = report.byValue().stream().map(v -> valueLabel(v.value())).toList();
        return BarChart.of(
                "by-field",
                "reports.chart.byField",
                "reports.unit.cases",
                rows,
                labels,
                List.of(
                        new BarChart.Measure("reports.created", m -> (double) m.created()),
                        new BarChart.Measure("reports.solved", m -> (double) m.solved()),
                        new BarChart.Measure("reports.reopened", m -> (double) m.reopened())));
    }

    /** How many days apart two cases of one customer count as a repeat contact. */
    public int repeatDays() {
        return settings.repeatDays();
    }

    /** The charts of a report, each with the figures it draws. */
    public List<BarChart> charts(Report report) {
        var rows = report.rows();
        return List.of(
                BarChart.of(
                        "cases",
                        "reports.chart.cases",
                        "reports.unit.cases",
                        rows,
                        List.of(
                                new BarChart.Measure("reports.created", m -> (double) m.created()),
                                new BarChart.Measure("reports.solved", m -> (double) m.solved()),
                                new BarChart.Measure("reports.reopened", m -> (double) m.reopened()))),
                BarChart.of(
                        "first-response",
                        "reports.chart.firstResponse",
                        "reports.unit.minutes",
                        rows,
                        List.of(
                                new BarChart.Measure("reports.median", m -> minutes(m.firstResponseMedian())),
                                new BarChart.Measure("reports.p90", m -> minutes(m.firstResponseP90())),
                                new BarChart.Measure(
                                        "reports.businessMedian", m -> minutes(m.firstResponseBusinessMedian())))),
                BarChart.of(
                        "resolution",
                        "reports.chart.resolution",
                        "reports.unit.hours",
                        rows,
                        List.of(
                                new BarChart.Measure("reports.median", m -> hours(m.resolutionMedian())),
                                new BarChart.Measure("reports.p90", m -> hours(m.resolutionP90())),
                                new BarChart.Measure(
                                        "reports.businessMedian", m -> hours(m.resolutionBusinessMedian())))),
                BarChart.of(
                        "contacts",
                        "reports.chart.contacts",
                        "reports.unit.contacts",
                        rows,
                        List.of(
                                new BarChart.Measure("reports.contacts", m -> (double) m.contacts()),
                                new BarChart.Measure("reports.abandoned", m -> (double) m.abandoned()),
                                new BarChart.Measure("reports.holdsOverLimit", m -> (double) m.holdsOverLimit()))),
                BarChart.of(
                        "frustration",
                        "reports.chart.frustration",
                        "reports.unit.score",
                        rows,
                        List.of(
                                new BarChart.Measure("reports.frustration.first", Metrics::frustrationFirstMean),
                                new BarChart.Measure("reports.frustration.last", Metrics::frustrationLastMean))),
                BarChart.of(
                        "heated",
                        "reports.chart.heated",
                        "reports.unit.cases",
                        rows,
                        List.of(
                                new BarChart.Measure("reports.heated", m -> (double) m.heated()),
                                new BarChart.Measure("reports.heatedWithoutSupervisor", m ->
                                        (double) m.heatedWithoutSupervisor()))));
    }

    /**
     * The charts of a coaching trend: the practices kept, in percent (reviews' average score, promises
     * kept on time, holds under the limit), and tone findings per 100 checked replies.
     */
    public List<BarChart> trendCharts(CoachingTrends.CoachingTrend trend, String idPrefix) {
        var rows = trend.rows();
        var labels = rows.stream().map(r -> r.period().toString()).toList();
        return List.of(
                BarChart.laidOut(
                                idPrefix + "-practices",
                                "coaching.chart.practices",
                                "coaching.unit.percent",
                                rows,
                                labels,
                                List.of("coaching.score", "coaching.promisesKept", "coaching.holdsInLimit"),
                                List.<java.util.function.Function<CoachingTrends.TrendPoint, @Nullable Double>>of(
                                        CoachingTrends.TrendPoint::averageScore,
                                        r -> percent(r.promisesKeptShare()),
                                        r -> percent(r.holdsWithinLimitShare())))
                        .groupedBy("reports.period.column", "reports.chart.desc"),
                BarChart.laidOut(
                                idPrefix + "-tone",
                                "coaching.chart.tone",
                                "coaching.unit.per100",
                                rows,
                                labels,
                                List.of("coaching.toneFindings"),
                                List.<java.util.function.Function<CoachingTrends.TrendPoint, @Nullable Double>>of(
                                        CoachingTrends.TrendPoint::toneFindingsPer100Replies))
                        .groupedBy("reports.period.column", "reports.chart.desc"));
    }

    /** Where the CSV of a coaching trend's figures downloads from, linked under each of its charts. */
    public String trendCsv(CoachingTrends.CoachingTrend trend) {
        return "/api/v1/qa/trend/csv?" + CoachingTrendCsv.parameters(trend);
    }

    private static @Nullable Double percent(@Nullable Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    public @Nullable Duration duration(@Nullable Double seconds) {
        return seconds == null ? null : Duration.ofSeconds(Math.round(seconds));
    }

    public @Nullable Duration duration(@Nullable Duration duration) {
        return duration;
    }

    public String share(@Nullable Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /** A mean frustration score, to one decimal (scores are whole numbers from 0 to 100). */
    public String score(@Nullable Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    public String number(@Nullable Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static @Nullable Double minutes(@Nullable Double seconds) {
        return seconds == null ? null : seconds / 60;
    }

    private static @Nullable Double hours(@Nullable Double seconds) {
        return seconds == null ? null : seconds / 3600;
    }
}
