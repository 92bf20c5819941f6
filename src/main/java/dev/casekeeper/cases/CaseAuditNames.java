package dev.casekeeper.cases;

import dev.casekeeper.audit.AuditSubjectName;
import dev.casekeeper.audit.AuditSubjectNames;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
        record Row(UUID id, long number) {}
        return jdbc
                .sql("select id, number from cases.support_case where id = any(:ids)")
                .param("ids", AuditSubjectNames.uuids(ids))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getLong("number")))
                .list()
                .stream()
                .collect(Collectors.toMap(
                        r -> r.id().toString(),
                        r -> new AuditSubjectName("case", "#" + r.number(), "/cases/" + r.number())));
    }
}
