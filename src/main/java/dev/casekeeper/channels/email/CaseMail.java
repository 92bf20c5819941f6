package dev.casekeeper.channels.email;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.Addressed;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.Identity;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's email on an existing case: a reply addressed To, Cc and Bcc from a chosen mailbox, or a
 * forward to a third party. Every address, the mailbox and the text are checked before anything is
 * written; a wrong field is named and nothing is recorded or sent.
 */
@Service
@Transactional
public class CaseMail {

    static final int MAX_BODY = 200_000;

    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final ThreadQueries threads;
    private final SendingMailboxes sending;
    private final OutboundCases outbound;
    private final CustomerManagement customers;
    private final int maxRecipients;

    CaseMail(
            CaseManagement cases,
            CaseLookup lookup,
            ThreadQueries threads,
            SendingMailboxes sending,
            OutboundCases outbound,
            CustomerManagement customers,
            MailSettings settings) {
        this.cases = cases;
        this.lookup = lookup;
        this.threads = threads;
        this.sending = sending;
        this.outbound = outbound;
        this.customers = customers;
        this.maxRecipients = settings.recipients().maxPerReply();
    }

    /** What the composer offers: the customer in To, the people copied on the case's mail in Cc, the mailboxes. */
    @Transactional(readOnly = true)
    public ReplyAddressing addressing(CaseId id, SignedInAgent viewer) {
        var kase = lookup.find(id, viewer).summary();
        String to = customerAddress(kase);
        var cc = threads.participants(id.value()).stream()
                .filter(a -> !a.equalsIgnoreCase(to))
                .toList();
        var mailboxes = outbound.sendingMailboxes();
        var preferred = sending.forCase(kase)
                .map(m -> new MailboxId(m.id()))
                .filter(m -> mailboxes.stream().anyMatch(s -> s.id().equals(m)))
                .orElse(mailboxes.isEmpty() ? null : mailboxes.getFirst().id());
        return new ReplyAddressing(to, cc, mailboxes, preferred);
    }

    /**
     * Records the reply with whom it is addressed to and queues it (after commit) from the mailbox.
     *
     * @throws InvalidInputException naming each wrong field ({@code to}, {@code cc}, {@code bcc},
     *     {@code mailboxId}, {@code body})
     */
    public TimelineEntry reply(CaseId id, EmailReply command, List<FileCheck.Upload> files, SignedInAgent by) {
        var kase = lookup.find(id, by).summary();
        var errors = new LinkedHashMap<String, String>();
        var seen = new LinkedHashSet<String>();
        var to = MailRecipients.parse(command.to(), "to", seen, errors);
        var cc = MailRecipients.parse(command.cc(), "cc", seen, errors);
        var bcc = MailRecipients.parse(command.bcc(), "bcc", seen, errors);
        if (to.isEmpty() && !errors.containsKey("to")) {
            errors.put("to", "give at least one address");
        }
        if (to.size() + cc.size() + bcc.size() > maxRecipients) {
            errors.putIfAbsent("cc", "at most " + maxRecipients + " recipients in all");
        }
        String body = body(command.body(), "write the reply", errors);
        var mailbox = mailbox(kase, command.mailboxId(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return cases.reply(
                id, body, by, Addressed.reply(to, cc, bcc, mailbox.id().value(), mailbox.address()), files);
    }

    /**
     * Records the forward on the case (an internal entry, not a reply) and queues it after commit;
     * the addressee's answer threads back into the case, nobody else's.
     *
     * @throws InvalidInputException naming each wrong field ({@code to}, {@code entryId}, {@code mailboxId})
     */
    public TimelineEntry forward(CaseId id, EmailForward command, List<FileCheck.Upload> files, SignedInAgent by) {
        var kase = lookup.find(id, by).summary();
        var errors = new LinkedHashMap<String, String>();
        var to = MailRecipients.parse(command.to(), "to", new LinkedHashSet<>(), errors);
        if (to.isEmpty() && !errors.containsKey("to")) {
            errors.put("to", "give the address to forward to");
        }
        if (to.size() > maxRecipients) {
            errors.putIfAbsent("to", "at most " + maxRecipients + " recipients");
        }
        String customer = customerAddress(kase);
        if (customer != null && to.stream().anyMatch(customer::equalsIgnoreCase)) {
            errors.putIfAbsent("to", "is the customer: reply instead of forwarding");
        }
        String body = command.body() == null ? "" : command.body().strip();
        if (body.length() > MAX_BODY) {
            errors.put("body", "must be at most " + MAX_BODY + " characters");
        }
        var mailbox = mailbox(kase, command.mailboxId(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return cases.forward(
                id,
                body,
                by,
                Addressed.forward(to, command.entryId(), mailbox.id().value(), mailbox.address()),
                files);
    }

    private @Nullable SendingMailbox mailbox(CaseSummary kase, @Nullable MailboxId chosen, Map<String, String> errors) {
        var mailboxes = outbound.sendingMailboxes();
        if (chosen != null) {
            var found = mailboxes.stream().filter(m -> m.id().equals(chosen)).findFirst();
            if (found.isEmpty()) {
                errors.put("mailboxId", "is not a mailbox that can send");
            }
            return found.orElse(null);
        }
        var preferred = sending.forCase(kase)
                .flatMap(m -> mailboxes.stream()
                        .filter(s -> s.id().value().equals(m.id()))
                        .findFirst());
        if (preferred.isPresent()) {
            return preferred.get();
        }
        if (mailboxes.size() == 1) {
            return mailboxes.getFirst();
        }
        errors.put(
                "mailboxId",
                mailboxes.isEmpty()
                        ? "no mailbox has an outbound server to send from"
                        : "choose the mailbox to send from");
        return null;
    }

    private static String body(@Nullable String typed, String missing, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            errors.put("body", missing);
            return "";
        }
        if (typed.strip().length() > MAX_BODY) {
            errors.put("body", "must be at most " + MAX_BODY + " characters");
        }
        return typed.strip();
    }

    /** Where replies to the customer go: the address they last wrote from, else their first email address. */
    @Nullable
    String customerAddress(CaseSummary kase) {
        return threads.thread(kase.id().value())
                .map(ThreadQueries.CaseThread::customerAddress)
                .filter(a -> !a.isBlank())
                .orElseGet(() -> customers.find(kase.requesterId()).identities().stream()
                        .filter(i -> i.kind() == IdentityKind.EMAIL)
                        .map(Identity::value)
                        .filter(a -> !a.endsWith(".invalid"))
                        .findFirst()
                        .orElse(null));
    }
}
