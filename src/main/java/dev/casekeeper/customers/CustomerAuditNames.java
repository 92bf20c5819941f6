package dev.casekeeper.customers;

import dev.casekeeper.audit.AuditSubjectName;
import dev.casekeeper.audit.AuditSubjectNames;
import dev.casekeeper.audit.AuditSubjectQuery;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customers in the audit log by their name as it is now, looked up as the page is shown: the entries
 * keep only the id, so an erased customer reads as her anonymised record does.
 */
@Component
class CustomerAuditNames implements AuditSubjectNames {

    private final JdbcClient jdbc;

    CustomerAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "customer";
    }

    @Override
    public Map<String, AuditSubjectName> names(Set<String> ids) {
        return AuditSubjectQuery.names(
                jdbc,
                "select id, display_name from customers.customer where id = any(:ids)",
                ids,
                (rs, n) -> new AuditSubjectName("customer", rs.getString("display_name"), null));
    }
}
