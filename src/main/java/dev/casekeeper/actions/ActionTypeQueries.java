package dev.casekeeper.actions;

import dev.casekeeper.agents.Role;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ActionTypeQueries {

    /** A type as stored, with its sealed secret, which only the sender opens. */
    record Stored(ActionType type, @Nullable String sealedSecret) {}

    private static final TypeReference<List<ActionField>> FIELDS = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, name, kind, has_amount, currency, agent_limit, supervisor_limit, min_role, fields, next_steps,
            endpoint_url, endpoint_secret, active, created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActionTypeQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ActionType type, @Nullable String sealedSecret) {
        jdbc.sql("""
                        insert into actions.action_type
                            (id, name, kind, has_amount, currency, agent_limit, supervisor_limit, min_role, fields,
                             next_steps, endpoint_url, endpoint_secret, active, created_at)
                        values (:id, :name, :kind, :hasAmount, :currency, :agentLimit, :supervisorLimit, :minRole,
                                cast(:fields as jsonb), :nextSteps, :url, :secret, :active, :createdAt)
                        """)
                .params(params(type, sealedSecret))
                .param("createdAt", Timestamp.from(type.createdAt()))
                .update();
    }

    void update(ActionType type, @Nullable String sealedSecret) {
        jdbc.sql("""
                        update actions.action_type
                           set name = :name, kind = :kind, has_amount = :hasAmount, currency = :currency,
                               agent_limit = :agentLimit, supervisor_limit = :supervisorLimit, min_role = :minRole,
                               fields = cast(:fields as jsonb), next_steps = :nextSteps, endpoint_url = :url,
                               endpoint_secret = :secret, active = :active
                         where id = :id
                        """).params(params(type, sealedSecret)).update();
    }

    private java.util.Map<String, @Nullable Object> params(ActionType type, @Nullable String sealedSecret) {
        var params = new java.util.HashMap<String, @Nullable Object>();
        params.put("id", type.id());
        params.put("name", type.name());
        params.put("kind", type.kind().value());
        params.put("hasAmount", type.hasAmount());
        params.put("currency", type.currency());
        params.put("agentLimit", type.agentLimit());
        params.put("supervisorLimit", type.supervisorLimit());
        params.put("minRole", type.minRole().value());
        params.put("fields", json.writeValueAsString(type.fields()));
        params.put("nextSteps", type.nextSteps());
        params.put("url", type.endpointUrl());
        params.put("secret", sealedSecret);
        params.put("active", type.active());
        return params;
    }

    List<ActionType> all() {
        return jdbc.sql("select " + COLUMNS + " from actions.action_type order by active desc, lower(name)")
                .query((rs, n) -> row(rs).type())
                .list();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from actions.action_type where id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    boolean nameTaken(String name, @Nullable UUID self) {
        return jdbc.sql("""
                        select exists (select 1 from actions.action_type
                                        where lower(name) = lower(:name) and (cast(:self as uuid) is null or id <> :self))
                        """)
                .param("name", name)
                .param("self", self)
                .query(Boolean.class)
                .single();
    }

    private Stored row(ResultSet rs) throws SQLException {
        var type = new ActionType(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                ActionKind.of(rs.getString("kind")),
                rs.getBoolean("has_amount"),
                rs.getString("currency"),
                (BigDecimal) rs.getObject("agent_limit"),
                (BigDecimal) rs.getObject("supervisor_limit"),
                Role.from(rs.getString("min_role")),
                json.readValue(rs.getString("fields"), FIELDS),
                rs.getString("next_steps"),
                rs.getString("endpoint_url"),
                rs.getBoolean("active"),
                instant(rs.getTimestamp("created_at")));
        return new Stored(type, rs.getString("endpoint_secret"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
