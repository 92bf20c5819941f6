package dev.casekeeper.routing;

import dev.casekeeper.assist.SupervisorAskedFor;
import dev.casekeeper.cases.OwnerChanged;
import dev.casekeeper.cases.ReplyPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A customer message asking for a manager (assist detects the phrases) ends in the supervisors'
 * queue like any other request, on every message that asks, heated case or not. Idempotent: while
 * the case's request is open, another changes nothing; the same message delivered again finds the
 * request it opened, even after a supervisor took it. A supervisor who takes the case over or answers
 * the customer has the request: it leaves the queue.
 */
@Component
class SupervisorRequestListener {

    private final SupervisorRequests requests;

    SupervisorRequestListener(SupervisorRequests requests) {
        this.requests = requests;
    }

    @ApplicationModuleListener
    void on(SupervisorAskedFor asked) {
        // When the message also turned the case heated, assist's alert has told the supervisors already.
        requests.fromMessage(asked.caseId(), asked.entryId(), !asked.supervisorsAlerted());
    }

    /** A supervisor took the case over (the Heated view's "Take over", an assignment): the request is theirs. */
    @ApplicationModuleListener(condition = "#event.ownerId() != null")
    void on(OwnerChanged event) {
        if (event.ownerId() != null) {
            requests.honouredBy(event.caseId(), event.ownerId());
        }
    }

    /** A supervisor answered the customer: the request was honoured (an automation's email is no one's answer). */
    @ApplicationModuleListener
    void on(ReplyPosted event) {
        if (event.authorId() != null) {
            requests.honouredBy(event.caseId(), event.authorId());
        }
    }
}
