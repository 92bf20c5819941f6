package dev.casekeeper.channels.email;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.Addressed;
import dev.casekeeper.cases.AgentAttachments;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.DeliveryState;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.Identity;
import dev.casekeeper.customers.IdentityKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends an agent's reply (or an automation's email, signed by the mailbox alone) on an email case to
 * the customer: from the mailbox the case came in through, to the address the customer last wrote
 * from, copying the people copied on the case, with the files the agent attached as attachment parts.
 * Runs after the reply commits, through the event publication registry, so a crash between the two
 * resends nothing twice and loses nothing: the outbox takes each reply once.
 */
@Component
class EmailReplies {

    private static final Logger log = LoggerFactory.getLogger(EmailReplies.class);

    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final CustomerManagement customers;
    private final AgentManagement agents;
    private final ThreadQueries threads;
    private final SendingMailboxes sending;
    private final OutboundQueries outbound;
    private final Outbox outbox;
    private final MailSettings.Recipients settings;
    private final CaseMailLinks links;
    private final Clock clock;
    private final AgentAttachments attachments;
    private final MailboxQueries mailboxes;

    EmailReplies(
            CaseManagement cases,
            CaseLookup lookup,
            CustomerManagement customers,
            AgentManagement agents,
            ThreadQueries threads,
            SendingMailboxes sending,
            OutboundQueries outbound,
            Outbox outbox,
            MailSettings settings,
            CaseMailLinks links,
            Clock clock,
            AgentAttachments attachments,
            MailboxQueries mailboxes) {
        this.cases = cases;
        this.lookup = lookup;
        this.customers = customers;
        this.agents = agents;
        this.threads = threads;
        this.sending = sending;
        this.outbound = outbound;
        this.outbox = outbox;
        this.settings = settings.recipients();
        this.links = links;
        this.clock = clock;
        this.attachments = attachments;
        this.mailboxes = mailboxes;
    }

    @ApplicationModuleListener
    void on(ReplyPosted reply) {
        if ((reply.channel() != Channel.EMAIL && reply.emailTo() == null) || outbound.isQueued(reply.entryId())) {
            return;
        }
        if (lookup.deletedHolding(reply.caseId())) {
            log.info("Reply {} is not sent: its case {} was deleted", reply.entryId(), reply.caseId());
            return;
        }
        var kase = lookup.summary(reply.caseId());
        if (reply.authorId() == null && answersAutomaticMail(kase)) {
            refuse(reply, "Not sent: an automation does not answer automatic mail (an auto-reply, a bounce)");
            return;
        }
        var entry = lookup.entry(reply.caseId(), reply.entryId());
        var thread = threads.thread(kase.id().value());
        var addressed = entry.facts(Addressed.class);
        if (addressed != null && !addressed.forwarding()) {
            sendAddressed(reply, kase, entry, thread, addressed);
            return;
        }
        var mailbox = sending.forCase(kase);
        if (mailbox.isEmpty()) {
            refuse(
                    reply,
                    "No mailbox to send from: the case did not come in by email and no mailbox routes to its team");
            return;
        }
        // An address the agent chose for this reply (a chat customer who left gave it) comes first.
        String to = reply.emailTo() != null
                ? reply.emailTo()
                : thread.map(ThreadQueries.CaseThread::customerAddress)
                        .filter(a -> !a.isBlank())
                        .orElseGet(() -> customerEmail(kase));
        if (to == null || to.endsWith(".invalid")) {
            refuse(reply, "The customer has no email address to reply to");
            return;
        }
        if (mailbox.get().smtpHost() == null) {
            refuse(reply, "The mailbox " + mailbox.get().address() + " has no outbound SMTP server configured");
            return;
        }
        var box = mailbox.get();
        List<String> copied = threads.participants(kase.id().value()).stream()
                .filter(a -> !a.equalsIgnoreCase(to))
                .toList();
        int maxCopied = Math.max(0, settings.maxPerReply() - 1);
        List<String> cc = copied.subList(0, Math.min(copied.size(), maxCopied));
        if (copied.size() > cc.size()) {
            // Said on the case, so the agent knows who did not get the reply and can write to them another way.
            cases.recordEvent(
                    kase.id(),
                    dev.casekeeper.shared.Actor.SYSTEM,
                    new TimelineEvent.RecipientsLeftOut(
                            reply.entryId(),
                            cc.size() + 1,
                            copied.size() - cc.size(),
                            settings.maxPerReply(),
                            copied.subList(cc.size(), Math.min(copied.size(), cc.size() + 20))));
        }
        String token = thread.map(ThreadQueries.CaseThread::replyToken).orElse(null);
        var rendered = OutgoingMail.render(new OutgoingMail.Envelope(
                box,
                fromName(reply, box),
                to,
                cc,
                token == null ? box.address() : box.address().replace("@", "+" + token + "@"),
                writesFirst(kase, thread)
                        ? OutgoingMail.firstSubject(kase.subject(), kase.number())
                        : OutgoingMail.replySubject(kase.subject(), kase.number()),
                links.text(kase, entry.bodyText() == null ? "" : entry.bodyText()),
                links.html(kase, entry.bodyHtml()),
                thread.map(ThreadQueries.CaseThread::lastMessageId).orElse(null),
                thread.map(ThreadQueries.CaseThread::references).orElse(List.of()),
                headers(reply),
                clock.instant(),
                attachments.ofEntry(reply.entryId()).stream()
                        .map(f -> new OutgoingMail.FilePart(f.filename(), f.contentType(), f.content()))
                        .toList()));
        if (thread.isEmpty()) {
            threads.saveThread(kase.id().value(), box.id(), ReplyTokens.next(), to, null, List.of(), clock.instant());
        }
        outbox.queue(OutboundQueries.Kind.REPLY, box, kase.id().value(), reply.entryId(), to, cc, rendered);
        log.info("Reply {} on case {} queued for {}", reply.entryId(), kase.id(), to);
    }

    /**
     * A reply the agent addressed: to the people they chose, from the mailbox they chose; Bcc only in
     * the envelope, never in a header.
     */
    private void sendAddressed(
            ReplyPosted reply,
            CaseSummary kase,
            dev.casekeeper.cases.TimelineEntry entry,
            java.util.Optional<ThreadQueries.CaseThread> thread,
            Addressed addressed) {
        var mailbox = addressed.mailboxId() == null ? sending.forCase(kase) : mailboxes.find(addressed.mailboxId());
        if (mailbox.isEmpty()
                || mailbox.get().smtpHost() == null
                || addressed.to().isEmpty()) {
            refuse(reply, "The mailbox " + addressed.from() + " cannot send any more");
            return;
        }
        var box = mailbox.get();
        String to = addressed.to().getFirst();
        String token = thread.map(ThreadQueries.CaseThread::replyToken).orElse(null);
        var rendered = OutgoingMail.render(new OutgoingMail.Envelope(
                box,
                fromName(reply, box),
                to,
                addressed.cc(),
                token == null ? box.address() : box.address().replace("@", "+" + token + "@"),
                writesFirst(kase, thread)
                        ? OutgoingMail.firstSubject(kase.subject(), kase.number())
                        : OutgoingMail.replySubject(kase.subject(), kase.number()),
                links.text(kase, entry.bodyText() == null ? "" : entry.bodyText()),
                links.html(kase, entry.bodyHtml()),
                thread.map(ThreadQueries.CaseThread::lastMessageId).orElse(null),
                thread.map(ThreadQueries.CaseThread::references).orElse(List.of()),
                headers(reply),
                clock.instant(),
                files(reply),
                addressed.to().subList(1, addressed.to().size())));
        if (thread.isEmpty()) {
            threads.saveThread(kase.id().value(), box.id(), ReplyTokens.next(), to, null, List.of(), clock.instant());
        }
        // Everyone the agent chose gets it; the outbox's copies are the envelope's other recipients.
        var envelope = new java.util.ArrayList<String>(
                addressed.to().subList(1, addressed.to().size()));
        envelope.addAll(addressed.cc());
        envelope.addAll(addressed.bcc());
        outbox.queue(OutboundQueries.Kind.REPLY, box, kase.id().value(), reply.entryId(), to, envelope, rendered);
        log.info("Reply {} on case {} queued for {} and {} more", reply.entryId(), kase.id(), to, envelope.size());
    }

    /** The agent and the mailbox ("Ana Silva (Example Support)"); the mailbox alone for an automation's email. */
    private String fromName(ReplyPosted reply, MailboxRow box) {
        return reply.authorId() == null
                ? box.displayName()
                : agents.find(reply.authorId()).name() + " (" + box.displayName() + ")";
    }

    /**
     * An automation's email says it is automatic (RFC 3834), so a well-behaved auto-responder does not
     * answer it; one that does is automatic mail, which sets off no trigger (docs/automations.md).
     */
    private static Map<String, String> headers(ReplyPosted reply) {
        return reply.authorId() == null
                ? Map.of("Auto-Submitted", "auto-generated", "X-Auto-Response-Suppress", "All")
                : Map.of();
    }

    private List<OutgoingMail.FilePart> files(ReplyPosted reply) {
        return attachments.ofEntry(reply.entryId()).stream()
                .map(f -> new OutgoingMail.FilePart(f.filename(), f.contentType(), f.content()))
                .toList();
    }

    /** The agent wrote to the customer first (New case, Email a customer): no "Re:" on a message that answers nothing. */
    private boolean writesFirst(CaseSummary kase, java.util.Optional<ThreadQueries.CaseThread> thread) {
        return thread.isPresent()
                && thread.get().lastMessageId() == null
                && lookup.detail(kase.id()).timeline().stream()
                        .noneMatch(e -> e.kind() == dev.casekeeper.cases.EntryKind.MESSAGE_IN);
    }

    /** The customer's latest message on the case is automatic mail: answering a robot could go on forever. */
    private boolean answersAutomaticMail(CaseSummary kase) {
        return lookup.detail(kase.id()).timeline().reversed().stream()
                .filter(e -> e.kind() == dev.casekeeper.cases.EntryKind.MESSAGE_IN)
                .findFirst()
                .map(e -> e.facts(EmailFacts.class))
                .map(facts -> facts.automatic() != null)
                .orElse(false);
    }

    private void refuse(ReplyPosted reply, String reason) {
        cases.recordDelivery(reply.caseId(), reply.entryId(), DeliveryState.FAILED, reason);
        log.warn("Reply {} on case {} cannot be sent: {}", reply.entryId(), reply.caseId(), reason);
    }

    private String customerEmail(CaseSummary kase) {
        return customers.find(kase.requesterId()).identities().stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL)
                .map(Identity::value)
                .findFirst()
                .orElse(null);
    }
}
