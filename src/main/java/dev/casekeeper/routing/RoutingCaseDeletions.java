package dev.casekeeper.routing;

import dev.casekeeper.cases.CaseDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted case keeps no word of its transfers: their reasons and summaries, written for the colleague who took over, are erased in the deletion's transaction; who handed over to whom, and when, stays. */
@Component
class RoutingCaseDeletions {

    private final JdbcClient jdbc;

    RoutingCaseDeletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseDeleted event) {
        jdbc.sql("update routing.invitation set reason = '', summary = '' where case_id = :case")
                .param("case", event.caseId().value())
                .update();
        jdbc.sql("update routing.transfer set reason = '', summary = '' where case_id = :case")
                .param("case", event.caseId().value())
                .update();
    }
}
