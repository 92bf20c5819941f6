package dev.casekeeper.customers;

import dev.casekeeper.audit.AuditSubjectName;
import dev.casekeeper.audit.AuditSubjectNames;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
        record Row(UUID id, String name) {}
        return jdbc
                .sql("select id, display_name from customers.customer where id = any(:ids)")
                .param("ids", AuditSubjectNames.uuids(ids))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .list()
                .stream()
                .collect(Collectors.toMap(
                        r -> r.id().toString(), r -> new AuditSubjectName("customer", r.name(), null)));
    }
}
