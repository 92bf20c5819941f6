package dev.casekeeper.channels.chat;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.channels.email.MailboxManagement;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.shared.ConflictException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chat channel's verbs for the rest of Casekeeper, offered through the channels module's
 * {@link dev.casekeeper.channels.ChannelManagement} (a nested module is reached through its parent):
 * a case's chat as the case page shows it, and the ways to answer a customer who left the chat
 * (email to the address they gave, a callback task for the team). A case without a chat has none.
 */
@Service
@Transactional
public class ChatManagement {

    private final Conversations conversations;
    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final QueueManagement queues;
    private final Transcripts transcripts;
    private final MailboxManagement mailboxes;
    private final CaseChats caseChats;

    /** A chat started on a case: the widget's mailbox and the visitor token that opens the chat in it. */
    public record CaseChatStart(String mailbox, String token) {}

    ChatManagement(
            Conversations conversations,
            CaseManagement cases,
            CaseLookup lookup,
            QueueManagement queues,
            Transcripts transcripts,
            MailboxManagement mailboxes,
            CaseChats caseChats) {
        this.conversations = conversations;
        this.cases = cases;
        this.lookup = lookup;
        this.queues = queues;
        this.transcripts = transcripts;
        this.mailboxes = mailboxes;
        this.caseChats = caseChats;
    }

    /** Whether the customer of the case can chat about it now: its team has a chat mailbox and an agent available. */
    @Transactional(readOnly = true)
    public boolean chatAvailable(CaseId caseId) {
        return caseChats.available(caseId).isPresent();
    }

    /**
     * Starts a chat that belongs to the case, for its customer (the caller checked she is signed in
     * and the case is hers); see {@link CaseChats#start}.
     */
    public CaseChatStart startOnCase(CaseId caseId, java.util.UUID customerId, @Nullable String name) {
        return caseChats.start(caseId, new CustomerId(customerId), name);
    }

    /**
     * A case's chat as one agent sees it: its state ({@code new}, {@code waiting}, {@code chatting},
     * {@code ended}), whether they may write in it, the email and phone the customer gave, whether it
     * reached the team's queue, whether the team has a callback task for it, and whether a reply can
     * go by email ({@code mailSends}: the mailbox it would leave from has an outbound server).
     */
    public record ChatOfCase(
            String state,
            boolean mayWrite,
            @Nullable String email,
            @Nullable String phone,
            boolean queued,
            boolean callback,
            boolean mailSends) {

        // The composer's template reads these, as it reads them on the channels module's CaseChat.
        public boolean live() {
            return !ended();
        }

        public boolean ended() {
            return "ended".equals(state);
        }

        public boolean offersEmail() {
            return ended() && email != null && mailSends;
        }

        public boolean emailWithoutMailbox() {
            return ended() && email != null && !mailSends;
        }

        public boolean offersCallback() {
            return ended() && queued && !callback && (email != null || phone != null);
        }
    }

    /** The case's latest chat, for the agent looking at the case; empty when the case has no chat. */
    @Transactional(readOnly = true)
    public Optional<ChatOfCase> ofCase(CaseId caseId, SignedInAgent viewer) {
        return conversations
                .ofCase(caseId)
                .map(c -> new ChatOfCase(
                        c.state().value(),
                        conversations.mayWrite(c, viewer),
                        c.email(),
                        c.phone(),
                        c.contactId() != null,
                        c.contactId() != null
                                && queues.callbackOf(new ContactId(c.contactId()))
                                        .isPresent(),
                        c.email() != null && mailboxes.sendsFor(lookup.summary(caseId))));
    }

    /**
     * A reply to a customer who left the case's chat, by email to the address they gave in it. Refused
     * ({@code 409}) while the chat is live, when they gave no address, or when no mailbox of the
     * case's team sends mail. Files go as attachment parts, checked as any reply's.
     */
    public TimelineEntry replyByEmail(CaseId caseId, String body, List<FileCheck.Upload> files, SignedInAgent by) {
        var chat = ended(caseId);
        if (chat.email() == null) {
            throw new ConflictException("no-email", "The customer gave no email address in the chat");
        }
        if (!mailboxes.sendsFor(lookup.summary(caseId))) {
            throw new ConflictException("no-mailbox", "No mailbox of the case's team sends mail");
        }
        return cases.reply(caseId, body, null, by, chat.email(), files);
    }

    /** A callback task for the team, to the email or phone the customer gave in the chat they left. */
    public void requestCallback(CaseId caseId, SignedInAgent by) {
        lookup.find(caseId, by);
        var chat = ended(caseId);
        if (chat.contactId() == null) {
            throw new ConflictException("no-contact", "The chat never reached the team's queue");
        }
        queues.requestCallback(new ContactId(chat.contactId()), chat.email(), chat.phone());
    }

    /**
     * Records a chat that already happened on the case, as it stands in the case's timeline, and ended
     * (the demo's chat cases: they tell a chat's story without a customer on a widget).
     */
    public void recordEndedChat(CaseId caseId, String mailbox) {
        transcripts.record(caseId, mailbox);
    }

    private Conversation ended(CaseId caseId) {
        var chat = conversations
                .ofCase(caseId)
                .orElseThrow(() -> new ConflictException("no-chat", "The case has no chat"));
        if (!chat.ended()) {
            throw new ConflictException("chat-live", "The chat is live: write in it");
        }
        return chat;
    }
}
