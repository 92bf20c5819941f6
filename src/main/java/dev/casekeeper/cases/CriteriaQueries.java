package dev.casekeeper.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for lists built from filters ({@link CaseCriteria}): a page, and a count capped like every list's. */
@Repository
class CriteriaQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CriteriaQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Case> page(CaseCriteria criteria, CaseQueries.Visibility visibility, int page, int size, Instant now) {
        var params = new HashMap<String, Object>();
        String where = where(criteria, visibility, now, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("select " + CaseQueries.COLUMNS + " from cases.support_case c where " + where + " order by "
                        + order(criteria) + ", c.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> CaseQueries.aggregate(rs))
                .list();
    }

    /** How many cases match, counted up to one past {@link CasePage#COUNT_CAP}. */
    long count(CaseCriteria criteria, CaseQueries.Visibility visibility, Instant now) {
        var params = new HashMap<String, Object>();
        String where = where(criteria, visibility, now, params);
        params.put("cap", CasePage.COUNT_CAP + 1);
        return jdbc.sql("select count(*) from (select 1 from cases.support_case c where " + where
                        + " limit :cap) capped")
                .params(params)
                .query(Long.class)
                .single();
    }

    private String where(
            CaseCriteria criteria, CaseQueries.Visibility visibility, Instant now, Map<String, Object> params) {
        // Spam and deleted cases leave every list.
        var sql = new StringBuilder("c.removed_at is null");
        if (!visibility.all()) {
            sql.append(" and (c.team_id is null or c.owner_id = :viewer");
            params.put("viewer", visibility.agentId());
            if (!visibility.teamIds().isEmpty()) {
                sql.append(" or c.team_id in (:viewerTeams)");
                params.put("viewerTeams", visibility.teamIds());
            }
            sql.append(")");
        }
        if (!criteria.statuses().isEmpty()) {
            sql.append(" and c.status in (:statuses)");
            params.put(
                    "statuses",
                    criteria.statuses().stream().map(CaseStatus::value).toList());
        }
        if (!criteria.priorities().isEmpty()) {
            sql.append(" and c.priority in (:priorities)");
            params.put(
                    "priorities",
                    criteria.priorities().stream().map(Priority::value).toList());
        }
        if (criteria.teamId() != null) {
            sql.append(" and c.team_id = :team");
            params.put("team", criteria.teamId().value());
        }
        if (criteria.unowned()) {
            sql.append(" and c.owner_id is null");
        } else if (criteria.ownerId() != null) {
            sql.append(" and c.owner_id = :owner");
            params.put("owner", criteria.ownerId().value());
        }
        if (!criteria.channels().isEmpty()) {
            sql.append(" and c.channel in (:channels)");
            params.put(
                    "channels", criteria.channels().stream().map(Channel::value).toList());
        }
        if (!criteria.tags().isEmpty()) {
            sql.append(" and c.tags @> string_to_array(:tags, chr(31))");
            params.put(
                    "tags",
                    String.join(
                            "\u001f",
                            criteria.tags().stream()
                                    .map(t -> t.strip().toLowerCase(Locale.ROOT))
                                    .toList()));
        }
        if (!criteria.customFields().isEmpty()) {
            // Containment, so the GIN index on custom_fields answers it.
            sql.append(" and c.custom_fields @> cast(:customFields as jsonb)");
            params.put("customFields", json.writeValueAsString(criteria.customFields()));
        }
        if (!criteria.slaStates().isEmpty()) {
            // Written out, not bound: the planner can then prove the partial index case_sla_attention
            // (cases/V16_19, at risk and breached) covers the query even in a generic plan. Enum values only.
            sql.append(" and c.sla_state in (")
                    .append(String.join(
                            ", ",
                            criteria.slaStates().stream()
                                    .map(state -> "'" + state.value() + "'")
                                    .sorted()
                                    .toList()))
                    .append(")");
        }
        if (criteria.heated() != null) {
            // Heated: the partial index case_heated; "not heated" is most cases, read in list order.
            sql.append(criteria.heated() ? " and c.heated" : " and not c.heated");
        }
        if (criteria.waitingLongerThan() != null) {
            sql.append(" and c.waiting_since <= :waitingSince");
            params.put("waitingSince", Timestamp.from(now.minus(criteria.waitingLongerThan())));
        }
        range(sql, params, "created_at", criteria.createdFrom(), criteria.createdTo());
        range(sql, params, "updated_at", criteria.updatedFrom(), criteria.updatedTo());
        return sql.toString();
    }

    private static void range(
            StringBuilder sql,
            Map<String, Object> params,
            String column,
            @Nullable Instant from,
            @Nullable Instant to) {
        if (from != null) {
            sql.append(" and c.").append(column).append(" >= :").append(column).append("From");
            params.put(column + "From", Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and c.").append(column).append(" < :").append(column).append("To");
            params.put(column + "To", Timestamp.from(to));
        }
    }

    private static String order(CaseCriteria criteria) {
        String direction = criteria.ascending() ? "asc" : "desc";
        return switch (criteria.sort()) {
            case UPDATED -> "c.updated_at " + direction;
            case CREATED -> "c.created_at " + direction;
            case NUMBER -> "c.number " + direction;
            case SUBJECT -> "lower(c.subject) " + direction;
            case STATUS ->
                "array_position(array['new', 'open', 'pending', 'on_hold', 'solved', 'closed'], c.status) " + direction;
            case PRIORITY ->
                "array_position(array['low', 'normal', 'high', 'urgent'], c.priority) " + direction
                        + ", c.updated_at desc";
            // A longer wait is an earlier start; nobody waiting counts as the shortest wait of all.
            case WAITING -> "coalesce(c.waiting_since, 'infinity') " + (criteria.ascending() ? "desc" : "asc");
            // Filters have no words to rank by: the latest change first, as a search without words.
            case RELEVANCE -> "c.updated_at desc";
        };
    }
}
