package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseDeleted;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deleted case keeps no promise open and no word of one: open promises and check-ins are
 * withdrawn (their timers then find them closed and do nothing), and the text, outcome and copied
 * subject of every follow-up of the case are erased, in the deletion's transaction.
 */
@Component
class FollowupCaseDeletions {

    private final JdbcClient jdbc;
    private final Clock clock;

    FollowupCaseDeletions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(CaseDeleted event) {
        jdbc.sql("""
                        update followups.followup
                           set text = '', outcome = null, case_subject = :subject,
                               state = case when state = 'open' then 'withdrawn' else state end,
                               closed_at = coalesce(closed_at, :now)
                         where case_id = :case
                        """)
                .param("subject", CaseDeleted.SUBJECT)
                .param("now", Timestamp.from(clock.instant()))
                .param("case", event.caseId().value())
                .update();
    }
}
