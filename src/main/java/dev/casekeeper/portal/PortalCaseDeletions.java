package dev.casekeeper.portal;

import dev.casekeeper.cases.CaseDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted case keeps none of the files its customer attached in the portal (in the deletion's transaction). */
@Component
class PortalCaseDeletions {

    private final JdbcClient jdbc;

    PortalCaseDeletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseDeleted event) {
        jdbc.sql("delete from portal.attachment where case_id = :case")
                .param("case", event.caseId().value())
                .update();
    }
}
