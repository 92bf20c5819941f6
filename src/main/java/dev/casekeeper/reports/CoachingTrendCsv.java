package dev.casekeeper.reports;

import dev.casekeeper.agents.SignedInAgent;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A coaching trend as CSV, in the format of the report's CSV (RFC 4180, cells as {@link
 * CsvExport#cell} writes them): one row per period with the figures the trend's charts and table show,
 * counts beside their shares. Recorded as an export, as every CSV of reports is.
 */
@Component
class CoachingTrendCsv {

    static final String REPORT = "coaching-trend";

    /** The columns, in order: a header and how each period fills it. */
    static final List<Column> COLUMNS = List.of(
            new Column("period", CoachingTrends.TrendPoint::period),
            new Column("reviews", CoachingTrends.TrendPoint::reviews),
            new Column("review_score_mean_percent", CoachingTrends.TrendPoint::averageScore),
            new Column("checked_replies", CoachingTrends.TrendPoint::checkedReplies),
            new Column("tone_findings", CoachingTrends.TrendPoint::toneFindings),
            new Column("tone_findings_per_100_replies", CoachingTrends.TrendPoint::toneFindingsPer100Replies),
            new Column("promises", CoachingTrends.TrendPoint::promises),
            new Column("promises_kept_on_time", CoachingTrends.TrendPoint::promisesKeptOnTime),
            new Column("promises_kept_share", CoachingTrends.TrendPoint::promisesKeptShare),
            new Column("holds", CoachingTrends.TrendPoint::holds),
            new Column("holds_within_limit", CoachingTrends.TrendPoint::holdsWithinLimit),
            new Column("holds_within_limit_share", CoachingTrends.TrendPoint::holdsWithinLimitShare));

    record Column(String name, Function<CoachingTrends.TrendPoint, @Nullable Object> value) {}

    private final CsvExport exports;

    CoachingTrendCsv(CsvExport exports) {
        this.exports = exports;
    }

    /** The trend as CSV, recorded as exported by {@code me}. */
    String export(CoachingTrends.CoachingTrend trend, SignedInAgent me) {
        var csv = new StringBuilder();
        csv.append(String.join(",", COLUMNS.stream().map(Column::name).toList()))
                .append("\r\n");
        for (var row : trend.rows()) {
            csv.append(String.join(
                            ",",
                            COLUMNS.stream()
                                    .map(c -> CsvExport.cell(c.value().apply(row)))
                                    .toList()))
                    .append("\r\n");
        }
        exports.recordExport(REPORT, parameters(trend), trend.rows().size(), me);
        return csv.toString();
    }

    /** The trend's request as URL parameters: for the CSV link under its charts and the export's record. */
    static String parameters(CoachingTrends.CoachingTrend trend) {
        var query = "from=" + trend.from() + "&to=" + trend.to() + "&period=" + trend.period();
        if (trend.teamId() != null) {
            return query + "&team=" + trend.teamId();
        }
        return trend.agentId() == null ? query : query + "&agent=" + trend.agentId();
    }

    static String fileName(CoachingTrends.CoachingTrend trend) {
        return "casekeeper-coaching-trend-" + trend.from() + "-" + trend.to() + "-" + trend.period() + ".csv";
    }
}
