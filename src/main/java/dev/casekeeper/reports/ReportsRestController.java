package dev.casekeeper.reports;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports API: figures per period as JSON or CSV (every agent, within what they may see) and the
 * rebuild of the facts (admins). Parameters are those of {@link ReportRequest}.
 */
@RestController
class ReportsRestController {

    record MetricsResponse(
            LocalDate from,
            LocalDate to,
            String period,
            @Nullable Set<UUID> teams,
            @Nullable UUID agent,
            @Nullable String channel,
            @Nullable String priority,
            @Nullable String tag,
            @Nullable String field,
            @Nullable String fieldValue,
            @Nullable String byField,
            List<Metrics> rows,
            Metrics total,
            List<Report.FieldValueFigures> byValue,
            double silentFactor,
            long estimatedDissatisfied) {

        static MetricsResponse of(Report r) {
            var q = r.query();
            return new MetricsResponse(
                    q.from(),
                    q.to(),
                    q.period().value(),
                    q.teams(),
                    q.agent(),
                    q.channel(),
                    q.priority(),
                    q.tag(),
                    q.field() == null ? null : q.field().key(),
                    q.field() == null ? null : q.field().value(),
                    q.byField(),
                    r.rows(),
                    r.total(),
                    r.byValue(),
                    r.silentFactor(),
                    r.estimatedDissatisfied());
        }
    }

    record RebuildRequest(
            @Nullable LocalDate from, @Nullable LocalDate to) {}

    record RebuildResponse(LocalDate from, LocalDate to, int refreshed) {}

    private final Reports reports;
    private final CsvExport csv;
    private final CustomersAtRisk atRisk;

    ReportsRestController(Reports reports, CsvExport csv, CustomersAtRisk atRisk) {
        this.reports = reports;
        this.csv = csv;
        this.atRisk = atRisk;
    }

    /** Customers with two or more signals of dissatisfaction in the last 90 days (supervisors and admins). */
    @GetMapping("/api/v1/reports/customers-at-risk")
    List<CustomersAtRisk.AtRisk> customersAtRisk(@AuthenticationPrincipal SignedInAgent me) {
        return atRisk.list(me);
    }

    @GetMapping("/api/v1/reports/metrics")
    MetricsResponse metrics(ReportRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return MetricsResponse.of(reports.report(request, me));
    }

    @GetMapping(path = "/api/v1/reports/metrics/csv", produces = "text/csv")
    ResponseEntity<String> metricsCsv(ReportRequest request, @AuthenticationPrincipal SignedInAgent me) {
        var report = reports.report(request, me);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(report) + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.export(report, ReportLinks.parameters(report.query()), me));
    }

    @PostMapping("/api/v1/reports/rebuild")
    RebuildResponse rebuild(@RequestBody RebuildRequest request, @AuthenticationPrincipal SignedInAgent me) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only admins rebuild reports");
        }
        var errors = new LinkedHashMap<String, String>();
        if (request.from() == null) {
            errors.put("from", "is required");
        }
        if (request.to() == null) {
            errors.put("to", "is required");
        }
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            errors.put("from", "must not be after to");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RebuildResponse(request.from(), request.to(), reports.rebuild(request.from(), request.to(), me));
    }

    static String fileName(Report report) {
        var q = report.query();
        return "casekeeper-report-" + q.from() + "-" + q.to() + "-" + q.period().value() + ".csv";
    }
}
