package dev.casekeeper.channels;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.channels.chat.ChatManagement;
import dev.casekeeper.channels.chat.ChatSettings;
import dev.casekeeper.channels.email.CaseMail;
import dev.casekeeper.channels.email.DirectMail;
import dev.casekeeper.channels.email.EmailCustomer;
import dev.casekeeper.channels.email.EmailForward;
import dev.casekeeper.channels.email.EmailReply;
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
    private final CaseMail caseMail;

    ChannelManagement(
            ChatManagement chats,
            DirectMail mail,
            ChatSettings chatSettings,
            OutboundCases outbound,
            CaseMail caseMail) {
        this.chats = chats;
        this.mail = mail;
        this.chatSettings = chatSettings;
        this.outbound = outbound;
        this.caseMail = caseMail;
    }

    /**
     * What a reply on an email case is addressed to by default; empty for a case on another channel
     * or when no mailbox can send (the composer then shows no recipients).
     */
    public Optional<EmailAddressing> emailAddressing(CaseSummary kase, SignedInAgent viewer) {
        if (kase.channel() != dev.casekeeper.cases.Channel.EMAIL) {
            return Optional.empty();
        }
        var addressing = caseMail.addressing(kase.id(), viewer);
        if (addressing.mailboxes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddressing(
                addressing.to(),
                String.join(", ", addressing.cc()),
                addressing.mailboxes().stream()
                        .map(m -> new EmailSender(m.id().value(), m.address(), m.displayName()))
                        .toList(),
                addressing.defaultMailbox() == null
                        ? null
                        : addressing.defaultMailbox().value()));
    }

    /** An email reply to the people the agent typed (comma-separated), from a mailbox; see {@link CaseMail#reply}. */
    public TimelineEntry emailReply(
            CaseId caseId,
            @Nullable String to,
            @Nullable String cc,
            @Nullable String bcc,
            @Nullable UUID mailboxId,
            @Nullable String body,
            List<FileCheck.Upload> files,
            SignedInAgent by) {
        return caseMail.reply(
                caseId,
                new EmailReply(
                        listOf(to), listOf(cc), listOf(bcc), mailboxId == null ? null : new MailboxId(mailboxId), body),
                files,
                by);
    }

    /** Forwards a message of the case ({@code entryId}) or the whole case to a third party; see {@link CaseMail#forward}. */
    public TimelineEntry forward(
            CaseId caseId,
            @Nullable String to,
            @Nullable UUID entryId,
            @Nullable UUID mailboxId,
            @Nullable String body,
            List<FileCheck.Upload> files,
            SignedInAgent by) {
        return caseMail.forward(
                caseId,
                new EmailForward(listOf(to), entryId, mailboxId == null ? null : new MailboxId(mailboxId), body),
                files,
                by);
    }

    private static List<String> listOf(@Nullable String typed) {
        return typed == null ? List.of() : List.of(typed);
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
    public TimelineEntry replyByEmail(CaseId caseId, String body, List<FileCheck.Upload> files, SignedInAgent by) {
        return chats.replyByEmail(caseId, body, files, by);
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
