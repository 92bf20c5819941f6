package dev.casekeeper.reports;

import java.util.ArrayList;
import java.util.UUID;

/** A report's query as URL parameters: for the CSV link of a page and the export's audit record. */
final class ReportLinks {

    private ReportLinks() {}

    static String parameters(ReportQuery q) {
        var parts = new ArrayList<String>();
        parts.add("from=" + q.from());
        parts.add("to=" + q.to());
        parts.add("period=" + q.period().value());
        if (q.teams() != null && q.teams().size() == 1) {
            parts.add("team=" + q.teams().iterator().next());
        } else if (q.teams() != null) {
            parts.add("teams="
                    + String.join(
                            "+", q.teams().stream().map(UUID::toString).sorted().toList()));
        }
        if (q.agent() != null) {
            parts.add("agent=" + q.agent());
        }
        if (q.channel() != null) {
            parts.add("channel=" + q.channel());
        }
        if (q.priority() != null) {
            parts.add("priority=" + q.priority());
        }
        if (q.tag() != null) {
            parts.add("tag=" + encode(q.tag()));
        }
        if (q.field() != null) {
            parts.add("field=" + q.field().key());
            parts.add("fieldValue=" + encode(q.field().value()));
        }
        if (q.byField() != null) {
            parts.add("byField=" + q.byField());
        }
        return String.join("&", parts);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
