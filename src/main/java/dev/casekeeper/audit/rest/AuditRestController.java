package dev.casekeeper.audit.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.audit.AuditEntry;
import dev.casekeeper.audit.AuditKind;
import dev.casekeeper.audit.AuditLog;
import dev.casekeeper.audit.AuditSearch;
import dev.casekeeper.audit.AuditSubject;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.Slice;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for admins: a filtered page of entries newest first, or all of them as CSV. */
@RestController
class AuditRestController {

    static final int MAX_LIMIT = 200;

    private final AuditLog audit;

    AuditRestController(AuditLog audit) {
        this.audit = audit;
    }

    /** One page of the entries, newest first, filtered by actor (an id or an email), kind, time and text. */
    @GetMapping("/api/v1/audit")
    AuditPage list(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var search = new AuditSearch(actor, AuditSearch.kind(kind), from, to, text);
        return AuditPage.of(audit.search(search, cursor, limit));
    }

    /** Every matching entry as CSV, streamed; the export is itself an entry. */
    @GetMapping(path = "/api/v1/audit/export", produces = "text/csv")
    void export(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String text,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response)
            throws IOException {
        var search = new AuditSearch(actor, AuditSearch.kind(kind), from, to, text);
        audit.record(
                AuditKind.EXPORTED,
                me.actor(),
                new AuditSubject("audit", "entries"),
                "Exported the audit log as CSV through the API: " + search.describe());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"casekeeper-audit.csv\"");
        audit.exportCsv(search, response.getWriter());
    }

    /** A page of audit entries; {@code nextCursor} fetches the older ones, null on the last page. */
    record AuditPage(List<AuditEntry> items, @Nullable String nextCursor) {

        static AuditPage of(Slice<AuditEntry> slice) {
            return new AuditPage(slice.items(), slice.nextCursor());
        }
    }
}
