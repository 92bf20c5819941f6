package dev.casekeeper.audit.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.audit.AuditEntry;
import dev.casekeeper.audit.AuditKind;
import dev.casekeeper.audit.AuditLog;
import dev.casekeeper.audit.AuditSearch;
import dev.casekeeper.audit.AuditSubject;
import dev.casekeeper.audit.AuditSubjectName;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.Slice;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admins' audit page: filters (actor, kind, days in UTC, text), the entries newest first with a
 * link to older ones and their subjects named (a case's number, a customer's name, ...), and the
 * same selection as a CSV download. A filter that cannot be read comes back above the form with what
 * was typed, and lists nothing.
 */
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable String cursor,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("actor", actor);
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("text", text);
        model.addAttribute(
                "kinds", Arrays.stream(AuditKind.values()).map(AuditKind::value).toList());
        try {
            var search = search(actor, kind, from, to, text);
            var page = audit.search(search, cursor, PAGE_SIZE);
            model.addAttribute("entries", page);
            model.addAttribute("subjects", subjects(page.items()));
            model.addAttribute(
                    "older",
                    page.nextCursor() == null
                            ? null
                            : ServletUriComponentsBuilder.fromCurrentRequest()
                                    .replaceQueryParam("cursor", page.nextCursor())
                                    .build()
                                    .toUriString());
            model.addAttribute(
                    "export",
                    ServletUriComponentsBuilder.fromCurrentRequest()
                            .replacePath("/admin/audit/export")
                            .replaceQueryParam("cursor")
                            .build()
                            .toUriString());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("entries", new Slice<>(List.of(), null));
            model.addAttribute("subjects", Map.of());
        }
        return "audit/admin-audit";
    }

    @GetMapping(path = "/admin/audit/export", produces = "text/csv")
    void export(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "") String text,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response)
            throws IOException {
        var search = search(actor, kind, from, to, text);
        audit.record(
                AuditKind.EXPORTED,
                me.actor(),
                new AuditSubject("audit", "entries"),
                "Exported the audit log as CSV: " + search.describe());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"casekeeper-audit.csv\"");
        audit.exportCsv(search, response.getWriter());
    }

    /** The page's subjects as admins read them, by "type id" as the rows look them up. */
    private Map<String, AuditSubjectName> subjects(List<AuditEntry> entries) {
        return audit.names(entries).entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().type() + " " + e.getKey().id(), Map.Entry::getValue));
    }

    /** Days are whole days in UTC: from the start of {@code from} to the end of {@code to}. */
    private static AuditSearch search(
            String actor, String kind, @Nullable LocalDate from, @Nullable LocalDate to, String text) {
        return new AuditSearch(
                actor, AuditSearch.kind(kind), start(from), to == null ? null : start(to.plusDays(1)), text);
    }

    private static @Nullable Instant start(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
