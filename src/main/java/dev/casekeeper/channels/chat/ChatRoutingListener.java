package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseLookup;
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
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What routing and cases tell the chat: an agent accepted it (the customer sees who joined), its
 * contact ended (the chat is over), a queue changed (waiting customers get their new position), a
 * reply was written in the case page (it reaches the chat too); the agent put the customer on hold,
 * came back, or reached the hold limit, or the chat moves to a colleague (the customer is told, so
 * nobody waits unseen, in a numbered line of the chat); a reply on a chat the customer already left
 * is marked as not delivered. Each is safe to run twice. All but the queue positions are durable
 * reactions (event publications): losing one would leave a customer without a line they must see.
 */
@Component
class ChatRoutingListener {

    private final Conversations conversations;
    private final ChatHub hub;
    private final CaseLookup cases;
    private final UndeliveredReplies undelivered;

    ChatRoutingListener(Conversations conversations, ChatHub hub, CaseLookup cases, UndeliveredReplies undelivered) {
        this.conversations = conversations;
        this.hub = hub;
        this.cases = cases;
        this.undelivered = undelivered;
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

    /** A page-and-widget refresh only: a plain listener, whose signal goes out when routing's change commits. */
    @EventListener
    void on(QueueChanged event) {
        hub.queueChanged(event.teamId().value());
    }

    @ApplicationModuleListener
    void on(ReplyPosted event) {
        if (event.authorId() == null) {
            return; // an automation's reply goes by email only (docs/automations.md)
        }
        // A reply the agent sent by email is the email channel's; a case without a chat is not a widget's.
        // A case that came another way reaches its chat while the chat is live (one the customer opened
        // from the portal on her case): she reads the reply where she is talking.
        var chat = event.emailTo() != null
                ? null
                : conversations
                        .ofCase(event.caseId())
                        .filter(c -> event.channel() == Channel.CHAT || !c.ended())
                        .orElse(null);
        if (chat == null) {
            return;
        }
        cases.detail(event.caseId()).timeline().stream()
                .filter(entry -> entry.id().equals(event.entryId()))
                .findFirst()
                .filter(entry -> !conversations.replied(
                        event.caseId(), entry.id(), event.authorId(), entry.bodyText(), entry.createdAt()))
                .ifPresent(entry -> undelivered.mark(chat, entry.id()));
    }

    @ApplicationModuleListener
    void on(ContactHeld event) {
        conversations.notice(
                event.caseId(), "on-hold", "on-hold:" + event.since().toEpochMilli());
    }

    @ApplicationModuleListener
    void on(ContactResumed event) {
        conversations.notice(
                event.caseId(),
                "resumed",
                "resumed:" + event.contactId().value() + ":" + event.heldFor().toMillis());
    }

    @ApplicationModuleListener
    void on(HoldLimitReached event) {
        conversations.notice(
                event.caseId(), "hold-limit", "hold-limit:" + event.since().toEpochMilli());
    }

    @ApplicationModuleListener
    void on(ContactTransferred event) {
        conversations.requeued(event.caseId(), event.toTeamId());
        conversations.notice(event.caseId(), "transferred", null);
    }

    @ApplicationModuleListener
    void on(ColleagueInvited event) {
        conversations.notice(
                event.caseId(),
                "colleague-invited",
                "colleague-invited:" + event.invitationId().value());
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
