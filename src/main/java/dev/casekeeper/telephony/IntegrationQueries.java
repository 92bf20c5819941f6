package dev.casekeeper.telephony;

import dev.casekeeper.agents.TeamId;
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

/** SQL for phone integrations and teams' telephony settings. */
@Repository
class IntegrationQueries {

    /** An integration with its sealed secret, for checking a request. */
    record Stored(Integration integration, @Nullable String sealedSecret) {}

    private final JdbcClient jdbc;

    IntegrationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the name is taken. */
    boolean insert(Integration integration, @Nullable String sealedSecret, @Nullable UUID by) {
        return jdbc.sql("""
                        insert into telephony.integration (id, name, kind, team_id, secret, created_at, created_by)
                        values (:id, :name, :kind, :team, :secret, :at, :by)
                        on conflict do nothing
                        """)
                        .param("id", integration.id())
                        .param("name", integration.name())
                        .param("kind", integration.kind())
                        .param("team", integration.teamId().value())
                        .param("secret", sealedSecret)
                        .param("at", Timestamp.from(integration.createdAt()))
                        .param("by", by)
                        .update()
                == 1;
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from telephony.integration where id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(integration(rs), rs.getString("secret")))
                .optional();
    }

    List<Integration> list() {
        return jdbc.sql("select * from telephony.integration order by lower(name), id")
                .query((rs, n) -> integration(rs))
                .list();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from telephony.integration where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Integer> offerCallbackAfter(UUID team) {
        return jdbc.sql("select offer_callback_after_s from telephony.team_settings where team_id = :team")
                .param("team", team)
                .query(Integer.class)
                .optional();
    }

    void setOfferCallbackAfter(UUID team, int seconds, Instant now) {
        jdbc.sql("""
                        insert into telephony.team_settings (team_id, offer_callback_after_s, updated_at)
                        values (:team, :seconds, :now)
                        on conflict (team_id) do update set offer_callback_after_s = :seconds, updated_at = :now
                        """)
                .param("team", team)
                .param("seconds", seconds)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Integration integration(ResultSet rs) throws SQLException {
        return new Integration(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("kind"),
                new TeamId(rs.getObject("team_id", UUID.class)),
                rs.getTimestamp("created_at").toInstant());
    }
}
