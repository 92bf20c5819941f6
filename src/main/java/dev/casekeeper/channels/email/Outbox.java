package dev.casekeeper.channels.email;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.DeliveryState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts rendered messages in the outbox and schedules their delivery in the same transaction, so a
 * message is queued exactly when the change that sends it commits; remembers its Message-ID so
 * the answer threads back into the case.
 */
@Component
class Outbox {

    private final OutboundQueries outbox;
    private final ThreadQueries threads;
    private final CaseManagement cases;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<String> delivery;
    private final Clock clock;

    Outbox(
            OutboundQueries outbox,
            ThreadQueries threads,
            CaseManagement cases,
            ObjectProvider<SchedulerClient> scheduler,
            OneTimeTask<String> emailDeliveryTask,
            Clock clock) {
        this.outbox = outbox;
        this.threads = threads;
        this.cases = cases;
        this.scheduler = scheduler;
        this.delivery = emailDeliveryTask;
        this.clock = clock;
    }

    /** Queues a message; false when this reply was queued before. */
    boolean queue(
            OutboundQueries.Kind kind,
            MailboxRow mailbox,
            UUID caseId,
            @org.jspecify.annotations.Nullable UUID entryId,
            String recipient,
            List<String> cc,
            OutgoingMail.Rendered rendered) {
        return queue(kind, mailbox, caseId, entryId, recipient, cc, rendered, true);
    }

    /**
     * Queues a message outside the customer's thread (a forward to a third party): its Message-ID
     * threads its answers, but the customer's next reply neither answers nor references it.
     */
    boolean queueAside(
            MailboxRow mailbox,
            UUID caseId,
            UUID entryId,
            String recipient,
            List<String> cc,
            OutgoingMail.Rendered rendered) {
        return queue(OutboundQueries.Kind.REPLY, mailbox, caseId, entryId, recipient, cc, rendered, false);
    }

    private boolean queue(
            OutboundQueries.Kind kind,
            MailboxRow mailbox,
            UUID caseId,
            @org.jspecify.annotations.Nullable UUID entryId,
            String recipient,
            List<String> cc,
            OutgoingMail.Rendered rendered,
            boolean customerThread) {
        Instant now = clock.instant();
        var id = UUID.randomUUID();
        if (!outbox.queue(
                id, kind, mailbox.id(), caseId, entryId, recipient, cc, rendered.messageId(), rendered.raw(), now)) {
            return false;
        }
        threads.addMessageRef(rendered.messageId(), caseId, "out", now);
        var thread = customerThread ? threads.thread(caseId) : java.util.Optional.<ThreadQueries.CaseThread>empty();
        if (thread.isPresent()) {
            var references = new ArrayList<>(thread.get().references());
            references.add(rendered.messageId());
            threads.saveThread(
                    caseId,
                    mailbox.id(),
                    ReplyTokens.next(),
                    null,
                    rendered.messageId(),
                    references.subList(Math.max(0, references.size() - 20), references.size()),
                    now);
        }
        if (entryId != null) {
            cases.recordDelivery(new CaseId(caseId), entryId, DeliveryState.QUEUED, null);
        }
        var jobs = scheduler.getObject();
        jobs.schedule(delivery.instance(id.toString()), now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    if (jobs instanceof com.github.kagkarlsson.scheduler.Scheduler running) {
                        running.triggerCheckForDueExecutions();
                    }
                }
            });
        }
        return true;
    }
}
