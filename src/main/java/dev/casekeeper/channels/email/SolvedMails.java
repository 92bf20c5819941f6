package dev.casekeeper.channels.email;

import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.StatusChanged;
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
 * When an email case is solved, the customer gets a mail that says so, with one link per rating and
 * the status link ({@link CaseMailLinks}), in the case's thread, through the outbox. Once per solve:
 * a run again of the listener finds the mail queued and sends nothing.
 */
@Component
class SolvedMails {

    private static final Logger log = LoggerFactory.getLogger(SolvedMails.class);

    private final CaseLookup lookup;
    private final CaseMailLinks links;
    private final ThreadQueries threads;
    private final SendingMailboxes sending;
    private final OutboundQueries outbound;
    private final Outbox outbox;
    private final CustomerManagement customers;
    private final Clock clock;

    SolvedMails(
            CaseLookup lookup,
            CaseMailLinks links,
            ThreadQueries threads,
            SendingMailboxes sending,
            OutboundQueries outbound,
            Outbox outbox,
            CustomerManagement customers,
            Clock clock) {
        this.lookup = lookup;
        this.links = links;
        this.threads = threads;
        this.sending = sending;
        this.outbound = outbound;
        this.outbox = outbox;
        this.customers = customers;
        this.clock = clock;
    }

    @ApplicationModuleListener(condition = "#event.to() == T(dev.casekeeper.cases.CaseStatus).SOLVED")
    void on(StatusChanged event) {
        var kase = lookup.summary(event.caseId());
        if (kase.status() != CaseStatus.SOLVED || kase.solvedAt() == null || kase.channel() != Channel.EMAIL) {
            return;
        }
        if (outbound.solvedMailQueued(kase.id().value(), kase.solvedAt())) {
            return;
        }
        var mail = links.solvedMail(kase);
        var mailbox = sending.forCase(kase).filter(m -> m.smtpHost() != null);
        if (mail.isEmpty() || mailbox.isEmpty()) {
            return;
        }
        var thread = threads.thread(kase.id().value());
        String to = thread.map(ThreadQueries.CaseThread::customerAddress)
                .filter(a -> !a.isBlank())
                .orElseGet(() -> customers.find(kase.requesterId()).identities().stream()
                        .filter(i -> i.kind() == IdentityKind.EMAIL)
                        .map(Identity::value)
                        .findFirst()
                        .orElse(null));
        if (to == null || to.endsWith(".invalid")) {
            return;
        }
        var box = mailbox.get();
        String token = thread.map(ThreadQueries.CaseThread::replyToken).orElse(null);
        OutgoingMail.Rendered rendered;
        try {
            rendered = OutgoingMail.render(new OutgoingMail.Envelope(
                    box,
                    box.displayName(),
                    to,
                    List.of(),
                    token == null ? box.address() : box.address().replace("@", "+" + token + "@"),
                    mail.get().subject() + " [#" + kase.number() + "]",
                    mail.get().text(),
                    mail.get().html(),
                    thread.map(ThreadQueries.CaseThread::lastMessageId).orElse(null),
                    thread.map(ThreadQueries.CaseThread::references).orElse(List.of()),
                    Map.of("Auto-Submitted", "auto-generated"),
                    clock.instant()));
        } catch (IllegalArgumentException e) {
            log.warn("No solve mail for case {}: {}", kase.id(), e.getMessage());
            return;
        }
        outbox.queue(OutboundQueries.Kind.REPLY, box, kase.id().value(), null, to, List.of(), rendered);
        log.info("Solve mail for case {} queued for {}", kase.id(), to);
    }
}
