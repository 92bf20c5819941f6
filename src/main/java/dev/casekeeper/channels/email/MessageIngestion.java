package dev.casekeeper.channels.email;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.Received;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.channels.email.parse.AutomaticMail;
import dev.casekeeper.channels.email.parse.MimeParser;
import dev.casekeeper.channels.email.parse.ParsedMessage;
import dev.casekeeper.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one stored raw message into a case entry: parse, recognise automatic mail, thread, hand it to
 * {@code cases}, keep its attachments and message ids, and acknowledge a new case. All of it happens
 * in the transaction that claimed the row, so a crash part way leaves the message waiting, never half
 * done and never done twice.
 */
@Component
class MessageIngestion {

    private static final Logger log = LoggerFactory.getLogger(MessageIngestion.class);
    static final String ATTACHMENT_URL = "/api/v1/email/attachments/";
    /** Where a message's inline images point: the page path, which a signed-in browser can load. */
    static final String INLINE_IMAGE_URL = "/email/attachments/";

    private static final Pattern USABLE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_REFERENCES = 20;

    /** A failure while ingesting one message; the message stays waiting and the attempt is counted. */
    static final class IngestionFailed extends RuntimeException {
        final UUID inboundId;

        IngestionFailed(UUID inboundId, Throwable cause) {
            super(cause);
            this.inboundId = inboundId;
        }
    }

    private final InboundQueries inbound;
    private final MailboxQueries mailboxes;
    private final Threading threading;
    private final ThreadQueries threads;
    private final AttachmentQueries attachments;
    private final CaseIntake intake;
    private final Acknowledgements acknowledgements;
    private final MailSettings settings;
    private final MailMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BlockListManagement blockList;

    MessageIngestion(
            InboundQueries inbound,
            MailboxQueries mailboxes,
            Threading threading,
            ThreadQueries threads,
            AttachmentQueries attachments,
            CaseIntake intake,
            Acknowledgements acknowledgements,
            MailSettings settings,
            MailMetrics metrics,
            TransactionTemplate transactions,
            Clock clock,
            BlockListManagement blockList) {
        this.inbound = inbound;
        this.mailboxes = mailboxes;
        this.threading = threading;
        this.threads = threads;
        this.attachments = attachments;
        this.intake = intake;
        this.acknowledgements = acknowledgements;
        this.settings = settings;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
        this.blockList = blockList;
    }

    /**
     * Ingests up to {@code limit} of the oldest waiting messages in one transaction, so that they share
     * one commit (one wait for the disk); answers how many it took. If one fails, none of them is
     * ingested: {@link IngestionFailed} names it, and the caller tries them again one by one.
     */
    int processNext(int limit) {
        Integer done = transactions.execute(status -> {
            var waiting = inbound.claim(limit);
            var known = new KnownMailboxes();
            for (var message : waiting) {
                try {
                    ingest(message, known);
                } catch (RuntimeException e) {
                    throw new IngestionFailed(message.id(), e);
                }
            }
            return waiting.size();
        });
        return done == null ? 0 : done;
    }

    /**
     * Counts a failed attempt. After {@code max-attempts} the message is ingested as unreadable (its
     * raw text with a warning); if even that fails it is marked failed and logged for an admin.
     */
    void recordFailure(UUID inboundId, Throwable cause) {
        transactions.executeWithoutResult(status -> {
            int attempts = inbound.failedAttempt(inboundId, String.valueOf(cause));
            if (attempts > settings.parsing().maxAttempts()) {
                inbound.failed(inboundId, String.valueOf(cause), clock.instant());
                log.error(
                        "Message {} could not be ingested even as raw text; it stays stored, marked failed",
                        inboundId,
                        cause);
            } else {
                log.warn(
                        "Message {} could not be ingested (attempt {}); it will be retried",
                        inboundId,
                        attempts,
                        cause);
            }
        });
    }

    /**
     * The mailboxes as one batch of messages sees them, each read once for the batch (its messages
     * share one transaction): the batch's messages mostly arrived at the same mailbox.
     */
    private final class KnownMailboxes {

        private final Map<UUID, MailboxRow> byId = new HashMap<>();
        private @Nullable Set<String> addresses;

        MailboxRow mailbox(UUID id) {
            return byId.computeIfAbsent(id, key -> mailboxes.find(key).orElseThrow());
        }

        /** The addresses of every mailbox: mail from one of them is Casekeeper's own. */
        Set<String> addresses() {
            if (addresses == null) {
                addresses = Set.copyOf(mailboxes.addresses());
            }
            return addresses;
        }
    }

    private void ingest(InboundQueries.Waiting row, KnownMailboxes known) {
        Instant now = clock.instant();
        var mailbox = known.mailbox(row.mailboxId());
        var limits = limits();
        var parsed = row.attempts() >= settings.parsing().maxAttempts()
                ? MimeParser.unreadable(
                        row.raw(),
                        "Casekeeper could not process this message as email; it is shown as raw text",
                        limits)
                : MimeParser.parse(row.raw(), limits);
        Set<String> own = known.addresses();
        String automatic = AutomaticMail.reason(parsed, row.envelopeFrom(), own);
        var sender = sender(parsed, row.envelopeFrom(), row.id());
        var blockedBy = blockList.blocking(row.id(), sender.address());
        if (blockedBy.isPresent()) {
            // A blocked sender's mail opens no case: kept aside for an admin to release, then purged.
            blockList.suspend(row.id(), blockedBy.get(), sender.address(), parsed.subject());
            log.info("Message {} from {} suspended: {} is blocked", row.id(), sender.address(), blockedBy.get());
            return;
        }
        var authors = authors(parsed, sender);
        var decision = threading.resolve(parsed, authors, automatic != null, row.envelopeTo(), mailbox);
        var warnings = new ArrayList<>(parsed.warnings());
        int copied = copied(parsed, own).size();
        int maxCopied = settings.recipients().maxPerMessage();
        if (automatic == null && !decision.outsider() && !decision.forwardAnswer() && copied > maxCopied) {
            warnings.add("This message copies " + copied + " people; only the first " + maxCopied + " joined the case"
                    + " (casekeeper.mail.recipients.max-per-message), so replies do not go to the other "
                    + (copied - maxCopied));
        }
        var message = new InboundMessage(
                decision.caseId(),
                subject(parsed.subject()),
                parsed.text(),
                parsed.html(),
                Channel.EMAIL,
                automatic != null,
                facts(row, parsed, automatic, decision, warnings),
                mailbox.teamId() == null ? null : new TeamId(mailbox.teamId()),
                automatic == null ? List.of() : List.of("automatic"),
                Priority.NORMAL,
                Actor.SYSTEM);
        Received received = intake.receive(message, Sender.email(sender.address(), sender.name()));
        UUID caseId = received.summary().id().value();
        attachments.insert(row.id(), caseId, parsed.attachments());
        if (decision.forwardAnswer()) {
            // A third party's answer: it threads later answers, but moves nothing the customer's replies use.
            if (parsed.messageId() != null) {
                threads.addMessageRef(parsed.messageId(), caseId, "in", now);
            }
        } else {
            rememberThread(received, mailbox, parsed, sender.address(), automatic, decision.outsider(), own, now);
        }
        inbound.processed(row.id(), caseId, received.entryId(), automatic, now);
        if (received.opened() && automatic == null && !AutomaticMail.suppressesAutoReplies(parsed)) {
            acknowledgements.queue(mailbox, received.summary(), sender, parsed);
        }
        boolean isAutomatic = automatic != null;
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        metrics.ingested(isAutomatic);
                    }
                });
        log.debug(
                "Message {} became entry {} of case {} ({}{})",
                row.id(),
                received.entryId(),
                caseId,
                decision.how(),
                automatic == null ? "" : ", automatic: " + automatic);
    }

    private void rememberThread(
            Received received,
            MailboxRow mailbox,
            ParsedMessage parsed,
            String sender,
            @Nullable String automatic,
            boolean outsider,
            Set<String> own,
            Instant now) {
        UUID caseId = received.summary().id().value();
        if (parsed.messageId() != null) {
            threads.addMessageRef(parsed.messageId(), caseId, "in", now);
        }
        var existing = threads.thread(caseId);
        var references = new LinkedHashSet<String>(
                existing.map(ThreadQueries.CaseThread::references).orElse(List.of()));
        references.addAll(parsed.references());
        if (parsed.messageId() != null) {
            references.add(parsed.messageId());
        }
        var kept = new ArrayList<>(references);
        var recent = kept.subList(Math.max(0, kept.size() - MAX_REFERENCES), kept.size());
        boolean fromRequester = received.opened() || threading.isRequester(received.summary(), sender);
        String customerAddress = received.opened() || (fromRequester && automatic == null) ? sender : null;
        threads.saveThread(caseId, mailbox.id(), ReplyTokens.next(), customerAddress, parsed.messageId(), recent, now);
        // Someone not on the case copies nobody onto it, themselves included: only an agent may add people.
        if (automatic == null && !outsider) {
            var copied = new ArrayList<String>();
            if (!fromRequester && copied(parsed, own).stream().noneMatch(sender::equalsIgnoreCase)) {
                copied.add(sender);
            }
            copied(parsed, own).stream()
                    .filter(address -> !(fromRequester && address.equalsIgnoreCase(sender)))
                    .forEach(copied::add);
            threads.addParticipants(
                    caseId,
                    copied.subList(
                            0, Math.min(copied.size(), settings.recipients().maxPerMessage())));
        }
    }

    /** What the timeline entry keeps about the mail: who, ids, attachments, the folded history, warnings. */
    private static EmailFacts facts(
            InboundQueries.Waiting row,
            ParsedMessage parsed,
            @Nullable String automatic,
            Threading.Decision decision,
            List<String> warnings) {
        return new EmailFacts(
                row.id(),
                parsed.messageId(),
                parsed.from() == null ? null : format(parsed.from()),
                parsed.to().stream().map(MessageIngestion::format).toList(),
                parsed.cc().stream().map(MessageIngestion::format).toList(),
                parsed.subject(),
                parsed.date() == null ? null : parsed.date().toString(),
                automatic,
                decision.how(),
                decision.outsider(),
                parsed.attachments().stream()
                        .map(a -> new EmailFacts.Attachment(
                                a.id(),
                                a.filename(),
                                a.contentType(),
                                a.size(),
                                a.inline(),
                                a.content() != null,
                                a.omitted()))
                        .toList(),
                parsed.forwarded().stream()
                        .map(f -> new EmailFacts.Forwarded(
                                f.from(),
                                f.subject(),
                                f.date() == null ? null : f.date().toString()))
                        .toList(),
                parsed.quotedText(),
                warnings);
    }

    /**
     * The address the message is from: From, else Sender, Reply-To or the envelope sender. A message
     * with none usable (a bounce from a bare "MAILER-DAEMON") gets an address of the reserved
     * {@code .invalid} domain, never used to send, and unique so it threads nowhere by itself.
     */
    static ParsedMessage.Mailbox sender(ParsedMessage parsed, @Nullable String envelopeFrom, UUID inboundId) {
        var candidates = new ArrayList<ParsedMessage.Mailbox>();
        if (parsed.from() != null) {
            candidates.add(parsed.from());
        }
        if (parsed.sender() != null) {
            candidates.add(parsed.sender());
        }
        candidates.addAll(parsed.replyTo());
        if (envelopeFrom != null && !envelopeFrom.isBlank()) {
            candidates.add(new ParsedMessage.Mailbox(MimeParser.normalAddress(envelopeFrom), null));
        }
        for (var candidate : candidates) {
            if (USABLE.matcher(candidate.address()).matches()
                    && candidate.address().length() <= 320) {
                return candidate;
            }
        }
        String name = parsed.headers().first("from");
        return new ParsedMessage.Mailbox(
                "unknown-sender-" + inboundId.toString().substring(0, 8) + "@unknown.invalid",
                name == null || name.isBlank() ? null : name.length() > 200 ? name.substring(0, 200) : name);
    }

    /** The people a message copies (To and Cc), once each in any letter case, without this desk's own addresses. */
    private static List<String> copied(ParsedMessage parsed, Set<String> own) {
        var seen = new java.util.HashSet<String>();
        var copied = new ArrayList<String>();
        for (var mailbox : java.util.stream.Stream.concat(parsed.to().stream(), parsed.cc().stream())
                .toList()) {
            String key = mailbox.address().toLowerCase(java.util.Locale.ROOT);
            if (!own.contains(key) && !isOwnTokenAddress(key, own) && seen.add(key)) {
                copied.add(mailbox.address());
            }
        }
        return copied;
    }

    /** Every address the message claims to be from: the sender first, then any other From addresses. */
    private static List<String> authors(ParsedMessage parsed, ParsedMessage.Mailbox sender) {
        var authors = new LinkedHashSet<String>();
        authors.add(sender.address());
        for (var from : MimeParser.addresses(parsed.headers().first("from"))) {
            authors.add(from.address());
        }
        return List.copyOf(authors);
    }

    /** The subject a new case gets: without case tags (they name other cases), never blank. */
    static String subject(String subject) {
        String clean = Threading.CASE_TAG
                .matcher(subject)
                .replaceAll("")
                .replaceAll("\\s{2,}", " ")
                .strip();
        if (clean.isEmpty()) {
            return "(no subject)";
        }
        return clean.length() > 500 ? clean.substring(0, 500) : clean;
    }

    private static boolean isOwnTokenAddress(String address, Set<String> own) {
        var parsed = MailboxDirectory.Address.parse(address);
        return parsed != null && own.contains(parsed.base());
    }

    private static String format(ParsedMessage.Mailbox mailbox) {
        return mailbox.name() == null ? mailbox.address() : mailbox.name() + " <" + mailbox.address() + ">";
    }

    private MimeParser.Limits limits() {
        var attachmentLimits = settings.attachments();
        return new MimeParser.Limits(
                attachmentLimits.maxSize().toBytes(),
                attachmentLimits.maxCount(),
                200_000,
                1_000_000,
                INLINE_IMAGE_URL);
    }
}
