package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deleted case keeps no word of its chats: every line of its conversations (the customer's, the
 * agents' and the system's) and what the chat's form asked are erased in the deletion's
 * transaction; the conversations stay, with their times, for the figures.
 */
@Component
class ChatCaseDeletions {

    private final JdbcClient jdbc;

    ChatCaseDeletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseDeleted event) {
        jdbc.sql("""
                        update chat.message m set body = null, author_name = null
                        from chat.conversation c
                        where m.conversation_id = c.id and c.case_id = :case
                        """).param("case", event.caseId().value()).update();
        jdbc.sql("update chat.conversation set topic = null where case_id = :case")
                .param("case", event.caseId().value())
                .update();
    }
}
