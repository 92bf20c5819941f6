package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.routing.AgentLeftContact;
import dev.casekeeper.routing.ColleagueInvited;
import dev.casekeeper.routing.ColleagueJoined;
import dev.casekeeper.routing.ContactAccepted;
import dev.casekeeper.routing.ContactEnded;
import dev.casekeeper.routing.ContactHeld;
import dev.casekeeper.routing.ContactResumed;
import dev.casekeeper.routing.ContactTransferred;
import dev.casekeeper.routing.HoldLimitReached;
import dev.casekeeper.routing.QueueChanged;
import dev.casekeeper.routing.RoutedChannel;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What routing and cases tell the chat: an agent accepted it (the customer sees who joined), its
 * contact ended (the chat is over), a queue changed (waiting customers get their new position), a
 * reply was written in the case page (it reaches the chat too); the agent put the customer on hold,
 * came back, or reached the hold limit, or the chat moves to a colleague (the customer is told, so
 * nobody waits unseen). Each is safe to run twice: a notice shown twice says the same thing.
 */
@Component
class ChatRoutingListener {

    private final Conversations conversations;
    private final ChatHub hub;
    private final CaseManagement cases;

    ChatRoutingListener(Conversations conversations, ChatHub hub, CaseManagement cases) {
        this.conversations = conversations;
        this.hub = hub;
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(ContactAccepted event) {
        if (event.channel() == RoutedChannel.CHAT) {
            conversations.accepted(event.caseId(), event.agentId());
        }
    }

    @ApplicationModuleListener
    void on(ContactEnded event) {
        if (event.channel() == RoutedChannel.CHAT) {
            conversations.ended(event.caseId());
        }
    }

    @ApplicationModuleListener
    void on(QueueChanged event) {
        hub.queueChanged(event.teamId().value());
    }

    @ApplicationModuleListener
    void on(ReplyPosted event) {
        if (event.channel() != Channel.CHAT || conversations.ofCase(event.caseId()).filter(c -> !c.ended()).isEmpty()) {
            return;
        }
        cases.detail(event.caseId()).timeline().stream()
                .filter(entry -> entry.id().equals(event.entryId()))
                .findFirst()
                .ifPresent(entry -> conversations.replied(event.caseId(), entry.id(), event.authorId(), entry.bodyText()));
    }

    @ApplicationModuleListener
    void on(ContactHeld event) {
        hub.notifyCustomer(event.caseId(), "on-hold");
    }

    @ApplicationModuleListener
    void on(ContactResumed event) {
        hub.notifyCustomer(event.caseId(), "resumed");
    }

    @ApplicationModuleListener
    void on(HoldLimitReached event) {
        hub.notifyCustomer(event.caseId(), "hold-limit");
    }

    @ApplicationModuleListener
    void on(ContactTransferred event) {
        conversations.requeued(event.caseId(), event.toTeamId());
        hub.notifyCustomer(event.caseId(), "transferred");
    }

    @ApplicationModuleListener
    void on(ColleagueInvited event) {
        hub.notifyCustomer(event.caseId(), "colleague-invited");
    }

    @ApplicationModuleListener
    void on(ColleagueJoined event) {
        conversations.colleagueJoined(event.caseId(), event.agentId());
    }

    @ApplicationModuleListener
    void on(AgentLeftContact event) {
        conversations.agentLeft(event.caseId(), event.agentId());
    }
}
