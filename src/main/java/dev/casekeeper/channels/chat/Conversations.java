package dev.casekeeper.channels.chat;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Received;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.EnqueueContact;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.RoutedChannel;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a chat: it starts, customers and agents write in it (each message stored with its
 * case timeline entry, under the chat's row lock, before anyone is told), agents join, the customer
 * leaves or the chat ends. Every change is sent to the chat's sockets after it commits.
 */
@Service
@Transactional
class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);
    private static final int SUBJECT_LENGTH = 80;

    /** A message stored (or found stored already, when its client sent it again). */
    record Sent(ChatMessage message, boolean duplicate) {}

    private final ConversationQueries queries;
    private final CaseManagement cases;
    private final CaseIntake intake;
    private final CustomerManagement customers;
    private final QueueManagement queues;
    private final LiveContactManagement liveContacts;
    private final AgentManagement agents;
    private final ChatHub hub;
    private final Frames frames;
    private final MessageSource texts;
    private final ChatRatings ratings;
    private final Clock clock;

    Conversations(
            ConversationQueries queries,
            CaseManagement cases,
            CaseIntake intake,
            CustomerManagement customers,
            QueueManagement queues,
            LiveContactManagement liveContacts,
            AgentManagement agents,
            ChatHub hub,
            Frames frames,
            MessageSource texts,
            ChatRatings ratings,
            Clock clock) {
        this.queries = queries;
        this.cases = cases;
        this.intake = intake;
        this.customers = customers;
        this.queues = queues;
        this.liveContacts = liveContacts;
        this.agents = agents;
        this.hub = hub;
        this.frames = frames;
        this.texts = texts;
        this.ratings = ratings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<Conversation> open(Visitor visitor) {
        return queries.open(visitor.digest(), visitor.mailbox());
    }

    @Transactional(readOnly = true)
    Optional<Conversation> find(UUID id) {
        return queries.find(id);
    }

    @Transactional(readOnly = true)
    Optional<Conversation> ofCase(CaseId caseId) {
        return queries.ofCase(caseId.value());
    }

    @Transactional(readOnly = true)
    List<ChatMessage> after(UUID conversationId, long after) {
        return queries.after(conversationId, after, 1000);
    }

    /** The visitor's open chat, begun now (with a customer for the visitor) if they have none. */
    Conversation begin(Visitor visitor) {
        return begin(visitor, null);
    }

    /** As {@link #begin(Visitor)}; a new visitor's customer is named as they said in the form. */
    private Conversation begin(Visitor visitor, @Nullable String name) {
        var open = queries.open(visitor.digest(), visitor.mailbox());
        if (open.isPresent()) {
            return open.get();
        }
        var customer = customers.identifyChatVisitor(
                visitor.digest(), name != null ? name : texts.getMessage("chat.visitor.name", null, visitor.locale()));
        return queries.insertOrFind(
                UUID.randomUUID(),
                visitor.digest(),
                customer.value(),
                visitor.mailbox(),
                visitor.teamId().value(),
                clock.instant());
    }

    /** What the pre-chat form said; blank fields keep what was said before. */
    Conversation profile(
            Visitor visitor,
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String topic) {
        var conversation = begin(visitor, blankToNull(name));
        queries.saveProfile(
                conversation.id(), blankToNull(name), blankToNull(email), blankToNull(phone), blankToNull(topic));
        String given = blankToNull(email);
        if (given != null && !given.strip().equalsIgnoreCase(String.valueOf(conversation.email()))) {
            // A new address: she gets a link to prove it, and her chat joins the address's customer once she does.
            customers.offerIdentity(
                    new CustomerId(conversation.customerId()), IdentityKind.EMAIL, given, visitor.locale());
        }
        return queries.find(conversation.id()).orElseThrow();
    }

    /**
     * A customer's message: stored once however often its client sends it. The first one opens the
     * case and queues it for the mailbox's team.
     */
    Sent fromCustomer(Visitor visitor, String clientId, String text) {
        return fromCustomer(visitor, clientId, text, 0);
    }

    /**
     * A customer's message; {@code removed} characters that cannot be stored were taken out of it
     * on the way in, which its timeline entry says ({@code removedCharacters}).
     */
    Sent fromCustomer(Visitor visitor, String clientId, String text, int removed) {
        var conversation = queries.lock(begin(visitor).id()).orElseThrow();
        var earlier = queries.byClientId(conversation.id(), ChatMessage.CUSTOMER, clientId);
        if (earlier.isPresent()) {
            return new Sent(earlier.get(), true);
        }
        var customer = new CustomerId(conversation.customerId());
        var inbound = conversation.caseId() == null
                ? InboundMessage.newCase(
                                subject(conversation, text), text, Channel.CHAT, Actor.customer(customer.value()))
                        .withTeam(visitor.teamId())
                : InboundMessage.forCase(
                        new CaseId(conversation.caseId()), text, Channel.CHAT, Actor.customer(customer.value()));
        Received received = intake.receive(
                inbound.withFacts(ChatFacts.line(conversation.id(), removed)), Sender.customer(customer));
        // A chat opened from a portal case page has its case from the start: its first message queues it.
        if (received.opened() || conversation.contactId() == null) {
            var contact = queues.enqueue(new EnqueueContact(
                    received.summary().id(),
                    RoutedChannel.CHAT,
                    visitor.teamId(),
                    Set.of(),
                    null,
                    conversation.email(),
                    conversation.phone()));
            queries.caseOpened(
                    conversation.id(),
                    received.summary().id().value(),
                    received.summary().number(),
                    contact.id().value());
            log.info(
                    "Chat {} on case {} waits in the queue of team {}",
                    conversation.id(),
                    received.summary().id(),
                    visitor.teamId());
        }
        var message = queries.append(
                conversation,
                ChatMessage.CUSTOMER,
                conversation.customerId(),
                conversation.name(),
                clientId,
                null,
                text,
                received.entryId(),
                clock.instant());
        return new Sent(message, false);
    }

    /**
     * An agent's message: only the agent who accepted the chat, or a supervisor or admin (who joins
     * the chat by writing), may write. It is recorded on the case as a reply.
     */
    List<ChatMessage> fromAgent(UUID conversationId, SignedInAgent agent, String clientId, String text) {
        var conversation = queries.lock(conversationId).orElseThrow();
        var earlier = queries.byClientId(conversationId, ChatMessage.AGENT, clientId);
        if (earlier.isPresent()) {
            return List.of(earlier.get());
        }
        if (conversation.ended() || conversation.caseId() == null) {
            throw new ConflictException("ended", "The chat is over");
        }
        if (!mayWrite(conversation, agent)) {
            throw new ConflictException(
                    "not-joined", "Only the agent who accepted the chat, or a supervisor, may write in it");
        }
        var written = new ArrayList<ChatMessage>();
        Instant now = clock.instant();
        if (!agent.id().value().equals(conversation.agentId())
                && !queries.hasJoined(conversationId, agent.id().value())) {
            written.add(queries.append(
                    conversation,
                    ChatMessage.SYSTEM,
                    agent.id().value(),
                    agent.name(),
                    null,
                    "joined",
                    null,
                    null,
                    now));
        }
        var entry = cases.reply(new CaseId(conversation.caseId()), text, null, agent);
        written.add(queries.append(
                conversation,
                ChatMessage.AGENT,
                agent.id().value(),
                agent.name(),
                clientId,
                null,
                text,
                entry.id(),
                now));
        return written;
    }

    /**
     * Who may write: the agent holding the chat, a colleague or supervisor routing has on the live
     * contact (warm transfer, supervisor request), or any supervisor or admin, who joins by writing.
     */
    @Transactional(readOnly = true)
    boolean mayWrite(Conversation conversation, SignedInAgent agent) {
        if (conversation.ended()) {
            return false;
        }
        if (agent.id().value().equals(conversation.agentId()) || agent.role().seesAllTeams()) {
            return true;
        }
        return conversation.contactId() != null
                && liveContacts.participants(new ContactId(conversation.contactId())).stream()
                        .anyMatch(p -> p.agentId().equals(agent.id()));
    }

    /** Routing gave the chat to an agent: the customer sees who joined. */
    void accepted(CaseId caseId, dev.casekeeper.agents.AgentId agentId) {
        var found = queries.ofCase(caseId.value()).filter(c -> !c.ended());
        if (found.isEmpty() || agentId.value().equals(found.get().agentId())) {
            return;
        }
        var conversation = queries.lock(found.get().id()).orElseThrow();
        String name = agents.find(agentId).name();
        queries.joined(conversation.id(), agentId.value(), name);
        publish(queries.append(
                conversation, ChatMessage.SYSTEM, agentId.value(), name, null, "joined", null, null, clock.instant()));
    }

    /** A colleague (warm transfer) or a supervisor joined the live contact: the customer sees who. */
    void colleagueJoined(CaseId caseId, dev.casekeeper.agents.AgentId agentId) {
        var found = queries.ofCase(caseId.value()).filter(c -> !c.ended());
        if (found.isEmpty() || agentId.value().equals(found.get().agentId())) {
            return;
        }
        var conversation = queries.lock(found.get().id()).orElseThrow();
        if (queries.hasJoined(conversation.id(), agentId.value())) {
            return;
        }
        String name = agents.find(agentId).name();
        publish(queries.append(
                conversation, ChatMessage.SYSTEM, agentId.value(), name, null, "joined", null, null, clock.instant()));
    }

    /**
     * An agent left the live contact (the first agent of a warm transfer): the customer sees who left,
     * and the chat is held by whoever routing now gives the contact to.
     */
    void agentLeft(CaseId caseId, dev.casekeeper.agents.AgentId agentId) {
        var found = queries.ofCase(caseId.value()).filter(c -> !c.ended());
        if (found.isEmpty() || queries.hasLeft(found.get().id(), agentId.value())) {
            return;
        }
        var conversation = queries.lock(found.get().id()).orElseThrow();
        publish(queries.append(
                conversation,
                ChatMessage.SYSTEM,
                agentId.value(),
                agents.find(agentId).name(),
                null,
                "agent-left",
                null,
                null,
                clock.instant()));
        if (conversation.contactId() != null) {
            var holder = queues.contact(new ContactId(conversation.contactId())).agentId();
            if (holder != null && !holder.value().equals(conversation.agentId())) {
                queries.joined(
                        conversation.id(), holder.value(), agents.find(holder).name());
            }
        }
    }

    /** A cold transfer put the chat back in a queue: nobody holds it until an agent of that team accepts. */
    void requeued(CaseId caseId, dev.casekeeper.agents.TeamId teamId) {
        queries.ofCase(caseId.value()).filter(c -> !c.ended()).ifPresent(c -> queries.waiting(c.id(), teamId.value()));
    }

    /**
     * A reply written in the case page's composer reaches the customer's chat. Someone other than the
     * agent holding the chat (a supervisor) joins it by writing, so the customer sees who came in. A
     * reply written while the chat was live reaches it even when the chat ended a moment before this
     * runs (a farewell sent as the case is solved); one written after it ended never reaches the
     * customer: answers false, so it is marked as not delivered.
     */
    boolean replied(
            CaseId caseId,
            UUID entryId,
            dev.casekeeper.agents.AgentId authorId,
            @Nullable String text,
            Instant writtenAt) {
        var found = queries.ofCase(caseId.value());
        if (found.isEmpty() || text == null || queries.hasEntry(entryId)) {
            return true;
        }
        var conversation = queries.lock(found.get().id()).orElseThrow();
        if (queries.hasEntry(entryId)) {
            return true;
        }
        if (conversation.ended()) {
            var endedAt = queries.endedAt(conversation.id());
            if (endedAt.isEmpty() || writtenAt.isAfter(endedAt.get())) {
                return false;
            }
        }
        String name = agents.find(authorId).name();
        Instant now = clock.instant();
        if (!conversation.ended()
                && !authorId.value().equals(conversation.agentId())
                && !queries.hasJoined(conversation.id(), authorId.value())) {
            publish(queries.append(
                    conversation, ChatMessage.SYSTEM, authorId.value(), name, null, "joined", null, null, now));
        }
        publish(queries.append(
                conversation, ChatMessage.AGENT, authorId.value(), name, null, null, text, entryId, now));
        return true;
    }

    /**
     * A line from another part of Casekeeper (on hold, resumed, hold limit, transferred, a colleague
     * invited), numbered among the messages so that every client shows it in its place, after a
     * reconnect too. {@code once} names the occasion: a listener that runs again adds nothing.
     */
    void notice(CaseId caseId, String key, @Nullable String once) {
        var found = queries.ofCase(caseId.value()).filter(c -> !c.ended());
        if (found.isEmpty()) {
            return;
        }
        var conversation = queries.lock(found.get().id()).orElseThrow();
        if (conversation.ended()
                || (once != null
                        && queries.byClientId(conversation.id(), ChatMessage.SYSTEM, once)
                                .isPresent())) {
            return;
        }
        publish(queries.append(conversation, ChatMessage.SYSTEM, null, null, once, key, null, null, clock.instant()));
    }

    /**
     * The customer leaves. Before an agent answered, that is abandonment (routing records the wait and,
     * with an email or phone, a callback task); after, the chat ends.
     */
    void leave(UUID conversationId, @Nullable String email, @Nullable String phone, String reason) {
        leave(conversationId, email, phone, null, reason);
    }

    /**
     * The customer leaves; with a {@code window} they asked to be called back in it instead of waiting
     * (the widget's "call me back instead"), which makes the team's callback task promise that window.
     */
    void leave(
            UUID conversationId,
            @Nullable String email,
            @Nullable String phone,
            @Nullable CallbackWindow window,
            String reason) {
        var conversation = queries.lock(conversationId).orElseThrow();
        if (conversation.ended()) {
            return;
        }
        if (conversation.contactId() != null) {
            var contactId = new ContactId(conversation.contactId());
            var state = queues.contact(contactId).state();
            String callbackEmail = blankToNull(email) != null ? email : conversation.email();
            String callbackPhone = blankToNull(phone) != null ? phone : conversation.phone();
            if (state == ContactState.WAITING || state == ContactState.OFFERED) {
                if (window != null) {
                    queues.abandonForCallback(contactId, callbackEmail, callbackPhone, window, Callback.Source.WIDGET);
                } else {
                    queues.abandon(contactId, callbackEmail, callbackPhone);
                }
                log.info("Chat {} of case {} abandoned ({})", conversationId, conversation.caseId(), reason);
            } else if (state == ContactState.ACCEPTED) {
                liveContacts.end(contactId);
            }
        }
        finish(conversation, "left", reason);
    }

    /** Routing ended the chat's contact (the agent closed the chat, or the case was solved). */
    void ended(CaseId caseId) {
        var found = queries.ofCase(caseId.value()).filter(c -> !c.ended());
        if (found.isPresent()) {
            finish(queries.lock(found.get().id()).orElseThrow(), "ended", "ended");
        }
    }

    private void finish(Conversation conversation, String event, String reason) {
        Instant now = clock.instant();
        if (conversation.caseId() != null) {
            publish(queries.append(conversation, ChatMessage.SYSTEM, null, null, null, event, null, null, now));
        }
        queries.end(conversation.id(), reason, now);
        // A chat that ends because its case was solved offers the customer a rating on its end screen.
        String rate = conversation.caseId() == null ? null : ratings.page(conversation.caseId());
        hub.publishAfterCommit(Outgoing.to(conversation.id(), Outgoing.Audience.ALL, frames.of("ended", "rate", rate)));
    }

    /** A system line on the chat (a supervisor was asked for), shown to both sides. */
    ChatMessage event(UUID conversationId, String event) {
        var conversation = queries.lock(conversationId).orElseThrow();
        var message =
                queries.append(conversation, ChatMessage.SYSTEM, null, null, null, event, null, null, clock.instant());
        publish(message);
        return message;
    }

    void connected(UUID conversationId, UUID node, int delta) {
        queries.connected(conversationId, node, delta);
    }

    void disconnected(UUID conversationId, Instant at) {
        queries.disconnected(conversationId, at);
    }

    private void publish(ChatMessage message) {
        hub.publishAfterCommit(new Outgoing(
                message.conversationId(), Outgoing.Audience.ALL, frames.message(message), message.seq(), null));
    }

    private static String subject(Conversation conversation, String text) {
        if (conversation.topic() != null) {
            return conversation.topic();
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() > SUBJECT_LENGTH ? line.substring(0, SUBJECT_LENGTH - 1) + "…" : line;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
