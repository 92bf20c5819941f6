package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.routing.SupervisorRequestManagement;
import dev.casekeeper.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The widget's "talk to a supervisor" button. A request for a supervisor is always honoured: routing
 * puts the case in the supervisors' queue at high priority at least and tells them, and the chat
 * shows both sides that it was heard. Asking again while a request is open adds nothing to the supervisors' queue.
 */
@Component
class SupervisorButton {

    private final SupervisorRequestManagement supervisorRequests;
    private final Conversations conversations;

    SupervisorButton(SupervisorRequestManagement supervisorRequests, Conversations conversations) {
        this.supervisorRequests = supervisorRequests;
        this.conversations = conversations;
    }

    @Transactional
    void request(Conversation conversation) {
        if (conversation.caseId() != null) {
            supervisorRequests.request(
                    new CaseId(conversation.caseId()), "widget", Actor.customer(conversation.customerId()));
            conversations.event(conversation.id(), "supervisor-requested");
        }
    }
}
