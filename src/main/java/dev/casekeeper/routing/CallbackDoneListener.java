package dev.casekeeper.routing;

import dev.casekeeper.callbacks.CallbackDone;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Routing's record of the callback a contact left is done when the callback task is: the abandoned
 * contacts list stops showing it as owed. Idempotent: a row marked done stays as it was.
 */
@Component
class CallbackDoneListener {

    private final JdbcClient jdbc;
    private final Clock clock;

    CallbackDoneListener(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CallbackDone done) {
        jdbc.sql("update routing.callback set done_at = :now where id = :id and done_at is null")
                .param("id", done.callbackId().value())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
