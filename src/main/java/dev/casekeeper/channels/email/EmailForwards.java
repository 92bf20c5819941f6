package dev.casekeeper.channels.email;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.Addressed;
import dev.casekeeper.cases.AgentAttachments;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.DeliveryState;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.MessageForwarded;
import dev.casekeeper.cases.TimelineEntry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends a forward an agent recorded on a case: the agent's note, then the forwarded message (or
 * every message of the case, oldest first) under a "Forwarded message" line, with the files of the
 * forward and of a forwarded reply. It answers to a reply token of its own and stays out of the
 * customer's thread, so the customer is not told and only the addressee's answer comes back.
 * Runs after commit through the event publication registry; the outbox takes each forward once.
 */
@Component
class EmailForwards {

    private static final Logger log = LoggerFactory.getLogger(EmailForwards.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int MAX_MESSAGES = 500;

    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final AgentManagement agents;
    private final MailboxQueries mailboxes;
    private final OutboundQueries outbound;
    private final Outbox outbox;
    private final ForwardQueries forwards;
    private final AgentAttachments attachments;
    private final Clock clock;

    EmailForwards(
            CaseManagement cases,
            CaseLookup lookup,
            AgentManagement agents,
            MailboxQueries mailboxes,
            OutboundQueries outbound,
            Outbox outbox,
            ForwardQueries forwards,
            AgentAttachments attachments,
            Clock clock) {
        this.cases = cases;
        this.lookup = lookup;
        this.agents = agents;
        this.mailboxes = mailboxes;
        this.outbound = outbound;
        this.outbox = outbox;
        this.forwards = forwards;
        this.attachments = attachments;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MessageForwarded forwarded) {
        if (outbound.isQueued(forwarded.entryId())) {
            return;
        }
        // As for replies: a forward composed after its case was deleted is not sent, one during it waits.
        if (lookup.deletedHolding(forwarded.caseId())) {
            log.info("Forward {} is not sent: its case {} was deleted", forwarded.entryId(), forwarded.caseId());
            return;
        }
        var kase = lookup.summary(forwarded.caseId());
        var entry = lookup.entry(forwarded.caseId(), forwarded.entryId());
        var addressed = entry.facts(Addressed.class);
        if (addressed == null || !addressed.forwarding() || addressed.to().isEmpty()) {
            return;
        }
        var mailbox = addressed.mailboxId() == null
                ? java.util.Optional.<MailboxRow>empty()
                : mailboxes.find(addressed.mailboxId());
        if (mailbox.isEmpty() || mailbox.get().smtpHost() == null) {
            cases.recordDelivery(
                    forwarded.caseId(),
                    forwarded.entryId(),
                    DeliveryState.FAILED,
                    "The mailbox " + addressed.from() + " cannot send");
            return;
        }
        var box = mailbox.get();
        String agentName = agents.find(forwarded.authorId()).name();
        var messages = forwardedMessages(forwarded, addressed.forward());
        var files = new ArrayList<OutgoingMail.FilePart>();
        files.addAll(filesOf(entry));
        messages.stream().filter(m -> m.kind() == EntryKind.MESSAGE_OUT).forEach(m -> files.addAll(filesOf(m)));
        String token = ReplyTokens.next();
        String to = addressed.to().getFirst();
        var also = addressed.to().subList(1, addressed.to().size());
        var rendered = OutgoingMail.render(new OutgoingMail.Envelope(
                box,
                agentName + " (" + box.displayName() + ")",
                to,
                List.of(),
                box.address().replace("@", "+" + token + "@"),
                "Fwd: " + OutgoingMail.firstSubject(kase.subject(), kase.number()),
                text(entry.bodyText(), messages),
                null,
                null,
                List.of(),
                Map.of(),
                clock.instant(),
                files,
                also));
        forwards.insert(
                forwarded.entryId(), kase.id().value(), token, rendered.messageId(), addressed.to(), clock.instant());
        outbox.queueAside(box, kase.id().value(), forwarded.entryId(), to, also, rendered);
        log.info("Forward {} of case {} queued for {}", forwarded.entryId(), kase.id(), addressed.to());
    }

    private List<TimelineEntry> forwardedMessages(MessageForwarded forwarded, Addressed.Forward forward) {
        if (forward.entryId() != null) {
            return List.of(lookup.entry(forwarded.caseId(), forward.entryId()));
        }
        return lookup.detail(forwarded.caseId()).timeline().stream()
                .filter(e -> e.kind() == EntryKind.MESSAGE_IN || e.kind() == EntryKind.MESSAGE_OUT)
                .limit(MAX_MESSAGES)
                .map(e -> lookup.entry(forwarded.caseId(), e.id()))
                .toList();
    }

    private List<OutgoingMail.FilePart> filesOf(TimelineEntry entry) {
        return attachments.ofEntry(entry.id()).stream()
                .map(f -> new OutgoingMail.FilePart(f.filename(), f.contentType(), f.content()))
                .toList();
    }

    /** The agent's note, then each forwarded message with who wrote it and when, as mail clients forward. */
    static String text(String note, List<TimelineEntry> messages) {
        var text = new StringBuilder(note == null ? "" : note.strip());
        for (var message : messages) {
            text.append("\n\n---------- Forwarded message ----------\n");
            text.append("From: ")
                    .append(message.authorName() == null ? "" : message.authorName())
                    .append('\n');
            text.append("Date: ").append(DATE.format(message.createdAt())).append("\n\n");
            text.append(message.bodyText() == null ? "" : message.bodyText().strip());
        }
        return text.toString();
    }
}
