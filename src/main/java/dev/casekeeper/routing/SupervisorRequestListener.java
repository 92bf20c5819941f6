package dev.casekeeper.routing;

import dev.casekeeper.assist.CaseHeated;
import dev.casekeeper.shared.Actor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A customer message asking for a manager (assist detects the phrases) ends in the supervisors'
 * queue like any other request. Idempotent: while the case's request is open, another changes nothing.
 */
@Component
class SupervisorRequestListener {

    private final SupervisorRequests requests;

    SupervisorRequestListener(SupervisorRequests requests) {
        this.requests = requests;
    }

    @ApplicationModuleListener
    void on(CaseHeated heated) {
        if (heated.supervisorRequested()) {
            // Assist's heated alert has told the supervisors already ("the customer asked for a supervisor").
            requests.request(heated.caseId(), "message", Actor.SYSTEM, false);
        }
    }
}
