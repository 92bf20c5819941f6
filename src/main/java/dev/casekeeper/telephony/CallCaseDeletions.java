package dev.casekeeper.telephony;

import dev.casekeeper.cases.CaseDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted case keeps neither the wrap-up notes of its calls nor the link to their recordings (in the deletion's transaction); the calls' times stay for the figures. */
@Component
class CallCaseDeletions {

    private final JdbcClient jdbc;

    CallCaseDeletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseDeleted event) {
        jdbc.sql("update telephony.call set wrap_up_notes = null, recording_url = null where case_id = :case")
                .param("case", event.caseId().value())
                .update();
    }
}
