package dev.casekeeper.cases;

import dev.casekeeper.audit.AuditSubjectName;
import dev.casekeeper.audit.AuditSubjectNames;
import dev.casekeeper.audit.AuditSubjectQuery;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases in the audit log by their number, linked to the case (a deleted case is a tombstone under its
 * number). Never by subject: the audit page must not show what a deletion or an erasure removed.
 */
@Component
class CaseAuditNames implements AuditSubjectNames {

    private final JdbcClient jdbc;

    CaseAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "case";
    }

    @Override
    public Map<String, AuditSubjectName> names(Set<String> ids) {
        return AuditSubjectQuery.names(
                jdbc, "select id, number from cases.support_case where id = any(:ids)", ids, (rs, n) -> {
                    long number = rs.getLong("number");
                    return new AuditSubjectName("case", "#" + number, "/cases/" + number);
                });
    }
}
