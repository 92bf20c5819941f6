package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for teams' routing settings. */
@Repository
class TeamSettingsQueries {

    private final JdbcClient jdbc;

    TeamSettingsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TeamRouting find(UUID teamId) {
        return jdbc.sql("select overflow_team_id, overflow_after_s from routing.team_settings where team_id = :team")
                .param("team", teamId)
                .query((rs, n) -> {
                    var to = rs.getObject("overflow_team_id", UUID.class);
                    return new TeamRouting(
                            new TeamId(teamId),
                            to == null ? null : new TeamId(to),
                            to == null ? null : Duration.ofSeconds(rs.getInt("overflow_after_s")));
                })
                .optional()
                .orElse(new TeamRouting(new TeamId(teamId), null, null));
    }

    void save(UUID teamId, @Nullable UUID overflowTeamId, @Nullable Duration overflowAfter, Instant now) {
        jdbc.sql("""
                        insert into routing.team_settings (team_id, overflow_team_id, overflow_after_s, updated_at)
                        values (:team, :to, :after, :now)
                        on conflict (team_id) do update set overflow_team_id = excluded.overflow_team_id,
                            overflow_after_s = excluded.overflow_after_s, updated_at = excluded.updated_at
                        """)
                .param("team", teamId)
                .param("to", overflowTeamId)
                .param("after", overflowAfter == null ? null : (int) overflowAfter.toSeconds())
                .param("now", Timestamp.from(now))
                .update();
    }
}
