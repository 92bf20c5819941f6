package dev.casekeeper.actions;

import dev.casekeeper.audit.AuditSubjectName;
import dev.casekeeper.audit.AuditSubjectNames;
import dev.casekeeper.audit.AuditSubjectQuery;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Actions in the audit log by what they are and their case's number, linked to the case. */
@Component
class ActionAuditNames implements AuditSubjectNames {

    private final JdbcClient jdbc;

    ActionAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "action";
    }

    @Override
    public Map<String, AuditSubjectName> names(Set<String> ids) {
        return AuditSubjectQuery.names(jdbc, """
                select a.id, t.name as type_name, a.amount, a.currency, a.case_number
                  from actions.action a join actions.action_type t on t.id = a.type_id
                 where a.id = any(:ids)
                """, ids, (rs, n) -> {
            long number = rs.getLong("case_number");
            String title =
                    Action.title(rs.getString("type_name"), rs.getBigDecimal("amount"), rs.getString("currency"));
            return new AuditSubjectName("action", title + " (#" + number + ")", "/cases/" + number);
        });
    }
}
