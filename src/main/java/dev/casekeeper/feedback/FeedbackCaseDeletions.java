package dev.casekeeper.feedback;

import dev.casekeeper.cases.CaseDeleted;
import dev.casekeeper.shared.Erasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted case keeps no word of its feedback: rating comments, compliments and complaints lose their text in the deletion's transaction; the scores stay for the figures. */
@Component
class FeedbackCaseDeletions {

    private final JdbcClient jdbc;

    FeedbackCaseDeletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseDeleted event) {
        // Compliments and complaints are permanent; only their words may go, and only like this.
        Erasing.allowed(jdbc, () -> {
            jdbc.sql("update feedback.rating set comment = null where case_id = :case")
                    .param("case", event.caseId().value())
                    .update();
            jdbc.sql("update feedback.compliment set text = '' where case_id = :case")
                    .param("case", event.caseId().value())
                    .update();
            jdbc.sql("update feedback.complaint set text = '' where case_id = :case")
                    .param("case", event.caseId().value())
                    .update();
        });
    }
}
