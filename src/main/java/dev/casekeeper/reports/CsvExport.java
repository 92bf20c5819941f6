package dev.casekeeper.reports;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.audit.AuditKind;
import dev.casekeeper.audit.AuditLog;
import dev.casekeeper.audit.AuditSubject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report as CSV (RFC 4180: comma-separated, CRLF, quoted when needed), one row per period and a
 * total. A report broken down by a custom field has one more column, {@code field:<apiKey>}: the
 * rows of every value say {@value #ALL} in it, and a total row follows for each value of the field
 * (its value, or {@value #NONE} for the cases without one). Every export is recorded in {@code reports.export_log} and logged: who, which report, with
 * which parameters, how many rows.
 */
@Component
class CsvExport {

    private static final Logger audit = LoggerFactory.getLogger("dev.casekeeper.reports.audit");

    /** The columns, in order: a header and how each row fills it. */
    static final List<Column> COLUMNS = List.of(
            new Column("period", m -> m.period() == null ? "total" : m.period().toString()),
            new Column("created", Metrics::created),
            new Column("solved", Metrics::solved),
            new Column("reopened", Metrics::reopened),
            new Column("first_response_median_s", Metrics::firstResponseMedian),
            new Column("first_response_p90_s", Metrics::firstResponseP90),
            new Column("resolution_median_s", Metrics::resolutionMedian),
            new Column("resolution_p90_s", Metrics::resolutionP90),
            new Column("first_response_business_median_s", Metrics::firstResponseBusinessMedian),
            new Column("first_response_business_p90_s", Metrics::firstResponseBusinessP90),
            new Column("resolution_business_median_s", Metrics::resolutionBusinessMedian),
            new Column("resolution_business_p90_s", Metrics::resolutionBusinessP90),
            new Column("transfers", Metrics::transfers),
            new Column("transfers_per_case", Metrics::transfersPerCase),
            new Column("cases_transferred_more_than_once", Metrics::transferredMoreThanOnce),
            new Column("live_contacts", Metrics::contacts),
            new Column("handle_median_s", Metrics::handleMedian),
            new Column("handle_p90_s", Metrics::handleP90),
            new Column("holds", Metrics::holds),
            new Column("hold_per_contact_s", Metrics::holdPerContact),
            new Column("holds_over_limit", Metrics::holdsOverLimit),
            new Column("abandoned", Metrics::abandoned),
            new Column("abandonment_rate", Metrics::abandonmentRate),
            new Column("abandoned_wait_median_s", Metrics::abandonedWaitMedian),
            new Column("sla_first_response_met", Metrics::firstResponseMet),
            new Column("sla_first_response_breached", Metrics::firstResponseBreached),
            new Column("sla_next_response_breached", Metrics::nextResponseBreached),
            new Column("sla_resolution_met", Metrics::resolutionMet),
            new Column("sla_resolution_breached", Metrics::resolutionBreached),
            new Column("promises", Metrics::promises),
            new Column("promises_kept_on_time", Metrics::promisesKeptOnTime),
            new Column("callbacks", Metrics::callbacks),
            new Column("callbacks_on_time", Metrics::callbacksOnTime),
            new Column("ratings_good", Metrics::ratingsGood),
            new Column("ratings_okay", Metrics::ratingsOkay),
            new Column("ratings_bad", Metrics::ratingsBad),
            new Column("csat", Metrics::csat),
            new Column("compliments", Metrics::compliments),
            new Column("complaints", Metrics::complaints),
            new Column("repeat_contacts", Metrics::repeatContacts),
            new Column("frustration_scored_cases", Metrics::frustrationScored),
            new Column("frustration_first_mean", Metrics::frustrationFirstMean),
            new Column("frustration_last_mean", Metrics::frustrationLastMean),
            new Column("cases_ended_calmer", Metrics::endedCalmer),
            new Column("cases_ended_more_frustrated", Metrics::endedMoreFrustrated),
            new Column("heated_cases", Metrics::heated),
            new Column("supervisor_join_median_s", Metrics::supervisorJoinMedian),
            new Column("supervisor_join_p90_s", Metrics::supervisorJoinP90),
            new Column("heated_without_supervisor", Metrics::heatedWithoutSupervisor));

    static final String ALL = "(all)";
    static final String NONE = "(none)";

    record Column(String name, Function<Metrics, @Nullable Object> value) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;

    CsvExport(JdbcClient jdbc, Clock clock, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** The report as CSV, recorded as exported by {@code me}. */
    @Transactional
    String export(Report report, String parameters, SignedInAgent me) {
        var csv = new StringBuilder();
        var header =
                new java.util.ArrayList<>(COLUMNS.stream().map(Column::name).toList());
        var byField = report.byField();
        if (byField != null) {
            header.add("field:" + byField.apiKey());
        }
        csv.append(String.join(",", header)).append("\r\n");
        String all = byField == null ? null : ALL;
        for (var row : report.rows()) {
            line(csv, row, all);
        }
        line(csv, report.total(), all);
        for (var value : report.byValue()) {
            line(csv, value.figures(), value.value() == null ? NONE : value.value());
        }
        recordExport(
                "metrics",
                parameters,
                report.rows().size() + 1 + report.byValue().size(),
                me);
        return csv.toString();
    }

    /**
     * Records an export of {@code report} ({@code metrics}, {@code coaching-trend}): in
     * {@code reports.export_log}, the audit log and the log.
     */
    @Transactional
    void recordExport(String report, String parameters, int rows, SignedInAgent me) {
        jdbc.sql("""
                        insert into reports.export_log (agent_id, report, parameters, rows, exported_at)
                        values (:agent, :report, :parameters, :rows, :at)
                        """)
                .param("agent", me.id().value())
                .param("report", report)
                .param("parameters", parameters)
                .param("rows", rows)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        audit.info("Agent {} ({}) exported the {} report [{}], {} rows", me.id(), me.email(), report, parameters, rows);
        auditLog.record(
                AuditKind.EXPORTED,
                me.actor(),
                new AuditSubject("report", report),
                "Exported the " + report + " report as CSV (" + rows + " rows): " + parameters);
    }

    private static void line(StringBuilder csv, Metrics row, @Nullable String fieldValue) {
        var cells = new java.util.ArrayList<>(
                COLUMNS.stream().map(c -> cell(c.value().apply(row))).toList());
        if (fieldValue != null) {
            cells.add(cell(fieldValue));
        }
        csv.append(String.join(",", cells)).append("\r\n");
    }

    static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        String text = value.toString();
        // A cell that a spreadsheet would run as a formula is quoted with a leading apostrophe.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
