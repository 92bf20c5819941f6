package dev.casekeeper.cases;

import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.Cursor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for cases, their timelines and history. */
@Repository
class CaseQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The columns of a case as {@link #aggregate} reads them, on the alias {@code c}: never {@code c.*},
     * which would drag the search document along with every row.
     */
    static final String COLUMNS = "c.id, c.number, c.subject, c.requester_id, c.channel, c.status, c.priority, c.tags,"
            + " c.team_id, c.owner_id, c.follow_up_of, c.created_at, c.updated_at, c.first_response_at, c.solved_at,"
            + " c.closed_at, c.waiting_since";

    /** Who may see which cases: everything, or their teams' cases, cases of no team, and their own. */
    record Visibility(boolean all, @Nullable UUID agentId, Set<UUID> teamIds) {}

    long insertCase(
            UUID id,
            String subject,
            UUID requesterId,
            Channel channel,
            Priority priority,
            List<String> tags,
            @Nullable UUID teamId,
            @Nullable UUID followUpOf,
            @Nullable String language,
            Instant now) {
        TransactionOutlines.forget();
        return jdbc.sql("""
                        insert into cases.support_case
                            (id, subject, requester_id, channel, status, priority, tags, team_id, follow_up_of,
                             created_at, updated_at, waiting_since, language)
                        values (:id, :subject, :requester, :channel, 'new', :priority, string_to_array(:tags, chr(31)),
                                :team, :followUpOf, :now, :now, :now, :language)
                        returning number
                        """)
                .param("id", id)
                .param("subject", subject)
                .param("requester", requesterId)
                .param("channel", channel.value())
                .param("priority", priority.value())
                .param("tags", String.join("\u001f", tags))
                .param("team", teamId)
                .param("followUpOf", followUpOf)
                .param("language", language)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    Optional<Case> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cases.support_case c where c.id = :id for update")
                .param("id", id)
                .query((rs, n) -> aggregate(rs))
                .optional();
    }

    /** Every case these customer records asked for, however many (through {@code case_requester}). */
    List<UUID> idsOfRequesters(Collection<UUID> requesters) {
        return jdbc.sql("select id from cases.support_case where requester_id = any(:ids)")
                .param("ids", requesters.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    Optional<UUID> findIdByNumber(long number) {
        return jdbc.sql("select id from cases.support_case where number = :number")
                .param("number", number)
                .query(UUID.class)
                .optional();
    }

    Optional<Case> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cases.support_case c where c.id = :id")
                .param("id", id)
                .query((rs, n) -> aggregate(rs))
                .optional();
    }

    /** Marks the case as spam or deleted: it leaves every list; false when it already was. */
    boolean remove(UUID id, String how, Instant now) {
        TransactionOutlines.forget();
        return jdbc.sql("""
                                update cases.support_case set removed = :how, removed_at = :now
                                where id = :id and (removed is null or (removed = 'spam' and :how = 'deleted'))
                                """)
                        .param("id", id)
                        .param("how", how)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** How the case was removed, if it was, holding a key-share lock on its row to the transaction's end. */
    Optional<String> removedHolding(UUID id) {
        return jdbc.sql("select removed from cases.support_case where id = :id for key share")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(removed -> removed);
    }

    /** How the case was removed ({@code spam}, {@code deleted}), if it was. */
    Optional<String> removed(UUID id) {
        return jdbc.sql("select removed from cases.support_case where id = :id and removed is not null")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    void update(Case kase) {
        TransactionOutlines.forget();
        jdbc.sql("""
                        update cases.support_case
                        set status = :status, priority = :priority, tags = string_to_array(:tags, chr(31)),
                            team_id = :team, owner_id = :owner, updated_at = :updated,
                            first_response_at = :firstResponse, solved_at = :solved, closed_at = :closed,
                            waiting_since = :waitingSince, version = version + 1
                        where id = :id
                        """)
                .param("id", kase.id)
                .param("status", kase.status.value())
                .param("priority", kase.priority.value())
                .param("tags", String.join("\u001f", kase.tags))
                .param("team", kase.teamId)
                .param("owner", kase.ownerId)
                .param("updated", Timestamp.from(kase.updatedAt))
                .param("firstResponse", timestamp(kase.firstResponseAt))
                .param("solved", timestamp(kase.solvedAt))
                .param("closed", timestamp(kase.closedAt))
                .param("waitingSince", timestamp(kase.waitingSince))
                .update();
    }

    /**
     * Cases the viewer may see, newest first, after a cursor. {@code filter.q()} is not read here:
     * a search passes what its text found, so the API finds what the workspace finds.
     */
    List<Case> list(
            CaseFilter filter,
            Visibility visibility,
            TextSearch.@Nullable Found text,
            @Nullable Cursor after,
            int limit) {
        // Spam and deleted cases leave every list.
        var sql = new StringBuilder("select " + COLUMNS + " from cases.support_case c where c.removed_at is null");
        Map<String, Object> params = new HashMap<>();
        if (!visibility.all()) {
            sql.append(" and (c.team_id is null or c.owner_id = :me");
            params.put("me", visibility.agentId());
            if (!visibility.teamIds().isEmpty()) {
                sql.append(" or c.team_id in (:myTeams)");
                params.put("myTeams", visibility.teamIds());
            }
            sql.append(")");
        }
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", filter.status().value());
        }
        if (filter.ownerId() != null) {
            sql.append(" and c.owner_id = :owner");
            params.put("owner", filter.ownerId().value());
        }
        if (filter.teamId() != null) {
            sql.append(" and c.team_id = :team");
            params.put("team", filter.teamId().value());
        }
        if (filter.tag() != null) {
            sql.append(" and c.tags @> array[cast(:tag as text)]");
            params.put("tag", filter.tag().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.requesterId() != null) {
            sql.append(" and c.requester_id = :requester");
            params.put("requester", filter.requesterId().value());
        }
        if (!filter.customFields().isEmpty()) {
            // Containment, so the GIN index on custom_fields answers it.
            sql.append(" and c.custom_fields @> cast(:customFields as jsonb)");
            params.put("customFields", json.writeValueAsString(filter.customFields()));
        }
        if (text != null) {
            sql.append(" and ").append(text.condition(params));
        }
        if (after != null) {
            sql.append(" and (c.created_at, c.id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        sql.append(" order by c.created_at desc, c.id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> aggregate(rs))
                .list();
    }

    void recordHistory(
            UUID caseId, Actor actor, String field, @Nullable String before, @Nullable String after, Instant now) {
        jdbc.sql("""
                        insert into cases.history (case_id, actor_kind, actor_id, field, before, after, at)
                        values (:case, :kind, :actorId, :field, :before, :after, :now)
                        """)
                .param("case", caseId)
                .param("kind", actor.kind().value())
                .param("actorId", actor.id())
                .param("field", field)
                .param("before", before)
                .param("after", after)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<CaseChange> history(UUID caseId) {
        return jdbc.sql("select * from cases.history where case_id = :case order by id")
                .param("case", caseId)
                .query((rs, n) -> new CaseChange(
                        new Actor(
                                Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase()),
                                rs.getObject("actor_id", UUID.class)),
                        rs.getString("field"),
                        rs.getString("before"),
                        rs.getString("after"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    static Case aggregate(ResultSet rs) throws SQLException {
        return new Case(
                rs.getObject("id", UUID.class),
                rs.getLong("number"),
                rs.getString("subject"),
                rs.getObject("requester_id", UUID.class),
                Channel.from(rs.getString("channel")),
                CaseStatus.from(rs.getString("status")),
                Priority.from(rs.getString("priority")),
                strings(rs.getArray("tags")),
                rs.getObject("team_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("follow_up_of", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs, "first_response_at"),
                instant(rs, "solved_at"),
                instant(rs, "closed_at"),
                instant(rs, "waiting_since"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .toList());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
