package dev.casekeeper.channels.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the email channel counts, at {@code /actuator/prometheus}: messages received (by SMTP or
 * IMAP) and how many of those were re-deliveries, messages ingested (ordinary or automatic), the
 * queue still waiting for the workers, and replies sent or given up.
 */
@Component
class MailMetrics {

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter sent;
    private final Counter failed;

    MailMetrics(MeterRegistry registry, InboundQueries inbound) {
        this.registry = registry;
        this.duplicates = Counter.builder("casekeeper.mail.duplicates")
                .description("Re-deliveries of messages already stored, not stored again")
                .register(registry);
        this.sent = Counter.builder("casekeeper.mail.sent")
                .description("Messages handed to the outbound SMTP server")
                .register(registry);
        this.failed = Counter.builder("casekeeper.mail.delivery.failed")
                .description("Messages given up on")
                .register(registry);
        Gauge.builder("casekeeper.mail.waiting", inbound, InboundQueries::waiting)
                .description("Stored messages waiting to be ingested")
                .register(registry);
    }

    void received(InboundStore.Source source, int count) {
        Counter.builder("casekeeper.mail.received")
                .description("Messages stored, before parsing")
                .tag("source", source.value())
                .register(registry)
                .increment(count);
    }

    void duplicate() {
        duplicates.increment();
    }

    void ingested(boolean automatic) {
        Counter.builder("casekeeper.mail.ingested")
                .description("Messages turned into case entries")
                .tag("automatic", String.valueOf(automatic))
                .register(registry)
                .increment();
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }
}
