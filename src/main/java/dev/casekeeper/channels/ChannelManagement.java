package dev.casekeeper.channels;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.channels.chat.ChatManagement;
import dev.casekeeper.channels.chat.ChatSettings;
import dev.casekeeper.channels.email.DirectMail;
import dev.casekeeper.channels.email.EmailCustomer;
import dev.casekeeper.channels.email.MailboxId;
import dev.casekeeper.channels.email.OutboundCases;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the channels offer the pages that combine modules (the case page, the demo). The channels
 * are nested modules, reached only through their parent: this facade hands each call to the
 * channel's own.
 */
@Service
public class ChannelManagement {

    private final ChatManagement chats;
    private final DirectMail mail;
    private final ChatSettings chatSettings;
    private final OutboundCases outbound;

    ChannelManagement(ChatManagement chats, DirectMail mail, ChatSettings chatSettings, OutboundCases outbound) {
        this.chats = chats;
        this.mail = mail;
        this.chatSettings = chatSettings;
        this.outbound = outbound;
    }

    /**
     * The origins (patterns) of the sites that may embed the chat widget, {@code
     * casekeeper.chat.allowed-origins}; empty: only Casekeeper's own. The embeddable web form follows
     * the same rule.
     */
    public List<String> embeddingOrigins() {
        return chatSettings.allowedOrigins();
    }

    /** The mailboxes an agent may email a customer from (New case, Email a customer). */
    public List<EmailSender> sendingMailboxes() {
        return outbound.sendingMailboxes().stream()
                .map(m -> new EmailSender(m.id().value(), m.address(), m.displayName()))
                .toList();
    }

    /**
     * Opens a case by emailing the customer first, from the mailbox with the id (null: the only one
     * that can send). See {@link OutboundCases#email}.
     */
    public CaseSummary emailCustomer(
            @Nullable String to,
            @Nullable String name,
            @Nullable UUID mailboxId,
            @Nullable String subject,
            @Nullable String body,
            List<FileCheck.Upload> files,
            SignedInAgent by) {
        return outbound.email(
                new EmailCustomer(to, name, mailboxId == null ? null : new MailboxId(mailboxId), subject, body, null),
                files,
                by);
    }

    /** The case's chat as this agent sees it; empty for a case without a chat from the widget. */
    public Optional<CaseChat> chatOfCase(CaseId caseId, SignedInAgent viewer) {
        return chats.ofCase(caseId, viewer)
                .map(c -> new CaseChat(
                        c.state(), c.mayWrite(), c.email(), c.phone(), c.queued(), c.callback(), c.mailSends()));
    }

    /** Whether the case's customer can chat about it now: its team has a chat mailbox and an agent available. */
    public boolean chatAvailable(CaseId caseId) {
        return chats.chatAvailable(caseId);
    }

    /**
     * Starts a chat on the case for its customer (the caller checked the case is hers), routed like
     * any chat once she writes; {@code 409} when nobody can take it now or a chat about the case is
     * going on already.
     */
    public CustomerChat startChatOnCase(CaseId caseId, UUID customerId, @Nullable String name) {
        var start = chats.startOnCase(caseId, customerId, name);
        return new CustomerChat(start.mailbox(), start.token());
    }

    /** A reply to a customer who left the case's chat, by email to the address they gave in it ({@code 409} otherwise). */
    public TimelineEntry replyByEmail(CaseId caseId, String body, SignedInAgent by) {
        return chats.replyByEmail(caseId, body, by);
    }

    /** Records a chat that already happened on the case, as its timeline tells it, and ended (the demo's chat cases). */
    public void recordEndedChat(CaseId caseId, String mailbox) {
        chats.recordEndedChat(caseId, mailbox);
    }

    /**
     * Sends a plain-text mail that belongs to no case (a customer's sign-in code) at once, from the
     * mailbox with the address {@code from}, or the oldest one that can send when it is null. Tried
     * once, never queued; false when no mailbox could send it or the server refused it.
     */
    public boolean sendMail(@Nullable String from, String to, String subject, String text) {
        return mail.send(from, to, subject, text);
    }
}
