package dev.casekeeper.notifications;

import dev.casekeeper.cases.CaseDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notifications about a deleted case quoted its subject and, for feedback, the customer's words:
 * their texts are replaced in the deletion's transaction (they stay in the agents' inboxes, read or
 * not, and still lead to the case's tombstone).
 */
@Component
class NotificationCaseDeletions {

    static final String DELETED = "This case was deleted; what this notification said went with it.";

    private final JdbcClient jdbc;

    NotificationCaseDeletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseDeleted event) {
        jdbc.sql("update notifications.notification set text = :text where case_id = :case")
                .param("text", DELETED)
                .param("case", event.caseId().value())
                .update();
    }
}
