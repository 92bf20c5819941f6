package dev.casekeeper.audit;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The usual way to implement {@link AuditSubjectNames#names}: one query of the owning module's own
 * tables for the ids that are UUIDs, each row named by the module's mapper.
 */
public final class AuditSubjectQuery {

    private AuditSubjectQuery() {}

    /**
     * Names the subjects {@code sql} finds: it selects the subject's UUID as {@code id} and takes the
     * ids as {@code :ids} (a UUID array, for {@code id = any(:ids)}); no query when none of the ids is
     * a UUID.
     */
    public static Map<String, AuditSubjectName> names(
            JdbcClient jdbc, String sql, Set<String> ids, RowMapper<AuditSubjectName> name) {
        var uuids = AuditSubjectNames.uuids(ids);
        if (uuids.length == 0) {
            return Map.of();
        }
        return jdbc
                .sql(sql)
                .param("ids", uuids)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class).toString(), name.mapRow(rs, n)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
