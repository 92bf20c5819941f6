package dev.casekeeper.channels.email;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.DeliveryState;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox messages, one db-scheduler job per message: retried with exponential back-off
 * when the server cannot be reached or answers 4xx, given up at once on a 5xx refusal and after
 * the last attempt. Every step is reported on the reply's timeline entry: queued (with why it
 * waits), sent, or failed with the reason.
 */
@Component
class Deliveries {

    static final String TASK = "email-delivery";
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final OutboundQueries outbox;
    private final MailboxQueries mailboxes;
    private final SmtpMailSink sink;
    private final CaseManagement cases;
    private final TransactionTemplate transactions;
    private final MailMetrics metrics;
    private final Clock clock;

    Deliveries(
            OutboundQueries outbox,
            MailboxQueries mailboxes,
            SmtpMailSink sink,
            CaseManagement cases,
            TransactionTemplate transactions,
            MailMetrics metrics,
            Clock clock) {
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.sink = sink;
        this.cases = cases;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    void deliver(UUID id) throws SmtpMailSink.DeliveryException {
        var outbound = outbox.find(id).orElse(null);
        if (outbound == null || !outbound.state().equals("queued")) {
            return;
        }
        var mailbox = mailboxes.find(outbound.mailboxId()).orElseThrow();
        try {
            sink.send(mailbox, outbound);
        } catch (SmtpMailSink.DeliveryException e) {
            if (e.permanent) {
                fail(outbound, e.getMessage());
                return;
            }
            int attempt = outbound.attempts() + 1;
            transactions.executeWithoutResult(status -> {
                outbox.attemptFailed(id, e.getMessage());
                report(
                        outbound,
                        DeliveryState.QUEUED,
                        "Attempt " + attempt + " failed: " + e.getMessage() + "; trying again");
            });
            log.warn(
                    "Delivery of {} to {} failed (attempt {}); it will be retried: {}",
                    outbound.messageId(),
                    outbound.recipient(),
                    attempt,
                    e.getMessage());
            throw e;
        }
        transactions.executeWithoutResult(status -> {
            outbox.sent(id, clock.instant());
            report(outbound, DeliveryState.SENT, "Sent to " + outbound.recipient());
        });
        metrics.sent();
        log.info("Sent {} for case {} to {}", outbound.messageId(), outbound.caseId(), outbound.recipient());
    }

    /** The last attempt failed too. */
    void gaveUp(ExecutionComplete complete) {
        var id = UUID.fromString(complete.getExecution().taskInstance.getId());
        outbox.find(id)
                .ifPresent(outbound -> fail(
                        outbound,
                        "Gave up after " + (outbound.attempts()) + " attempts; the last one failed: "
                                + complete.getCause().map(Throwable::getMessage).orElse("unknown error")));
    }

    private void fail(OutboundQueries.Outbound outbound, String reason) {
        transactions.executeWithoutResult(status -> {
            outbox.failed(outbound.id(), reason);
            report(outbound, DeliveryState.FAILED, reason);
        });
        metrics.failed();
        log.warn(
                "Delivery of {} for case {} to {} failed: {}",
                outbound.messageId(),
                outbound.caseId(),
                outbound.recipient(),
                reason);
    }

    private void report(OutboundQueries.Outbound outbound, DeliveryState state, @Nullable String detail) {
        if (outbound.entryId() != null) {
            cases.recordDelivery(new CaseId(outbound.caseId()), outbound.entryId(), state, detail);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {

        @Bean
        OneTimeTask<String> emailDeliveryTask(Deliveries deliveries, MailSettings settings) {
            var outbound = settings.outbound();
            return Tasks.oneTime(TASK, String.class) // the instance id is the outbox id; no data
                    .onFailure(FailureHandler.<String>maxRetries(Math.max(0, outbound.maxAttempts() - 1))
                            .withBackoff(outbound.retryDelay(), 2.0)
                            .thenRemove(deliveries::gaveUp))
                    .execute((instance, context) -> {
                        try {
                            deliveries.deliver(UUID.fromString(instance.getId()));
                        } catch (SmtpMailSink.DeliveryException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    });
        }
    }
}
