package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The widget's "talk to a supervisor" button. A request for a supervisor is always honoured: it
 * escalates the case with the reason on its timeline (which raises its priority), and the chat
 * shows both sides that it was heard. The one place that decides what such a request does.
 */
@Component
class SupervisorRequests {

    static final String REASON = "The customer asked for a supervisor in the chat";

    private final CaseManagement cases;
    private final Conversations conversations;

    SupervisorRequests(CaseManagement cases, Conversations conversations) {
        this.cases = cases;
        this.conversations = conversations;
    }

    @Transactional
    void request(Conversation conversation) {
        if (conversation.caseId() != null) {
            cases.escalate(new CaseId(conversation.caseId()), REASON, Actor.customer(conversation.customerId()));
            conversations.event(conversation.id(), "supervisor-requested");
        }
    }
}
