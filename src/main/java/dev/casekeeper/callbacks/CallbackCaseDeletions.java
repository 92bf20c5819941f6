package dev.casekeeper.callbacks;

import dev.casekeeper.cases.CaseDeleted;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Nobody is called back about a deleted case: its open callbacks are done (with no outcome), and
 * the notes and copied subject of all of them are erased, in the deletion's transaction. The number
 * to call stays with what was done, as the customer's own details stay on her record.
 */
@Component
class CallbackCaseDeletions {

    private final JdbcClient jdbc;
    private final Clock clock;

    CallbackCaseDeletions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(CaseDeleted event) {
        jdbc.sql("""
                        update callbacks.callback
                           set note = null, outcome_note = null, case_subject = :subject,
                               state = 'done', done_at = coalesce(done_at, :now)
                         where case_id = :case
                        """)
                .param("subject", CaseDeleted.SUBJECT)
                .param("now", Timestamp.from(clock.instant()))
                .param("case", event.caseId().value())
                .update();
    }
}
