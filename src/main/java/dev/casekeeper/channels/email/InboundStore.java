package dev.casekeeper.channels.email;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores raw messages as they arrive, once per mailbox. The caller acknowledges the message (SMTP
 * 250, IMAP seen) only after this returns: by then the transaction has committed.
 */
@Component
class InboundStore {

    private static final Logger log = LoggerFactory.getLogger(InboundStore.class);

    enum Source {
        SMTP,
        IMAP;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final InboundQueries inbound;
    private final ParsingWorkers workers;
    private final MailMetrics metrics;
    private final Clock clock;

    InboundStore(InboundQueries inbound, ParsingWorkers workers, MailMetrics metrics, Clock clock) {
        this.inbound = inbound;
        this.workers = workers;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Stores the message for each mailbox it was addressed to; returns how many were new (the rest were re-deliveries). */
    @Transactional
    public int store(
            Map<MailboxRow, List<String>> recipients, @Nullable String envelopeFrom, byte[] raw, Source source) {
        var headers = RawHeaders.of(raw);
        byte[] hash = headers.contentHash();
        // Text columns refuse NUL: the id is kept without it (the raw bytes keep everything), never the mail refused.
        String messageId =
                headers.messageId() == null ? null : headers.messageId().replace("\u0000", "");
        if (envelopeFrom != null) {
            envelopeFrom = envelopeFrom.replace("\u0000", "");
        }
        int stored = 0;
        for (var entry : recipients.entrySet()) {
            var id = UUID.randomUUID();
            if (inbound.insert(
                    id,
                    entry.getKey().id(),
                    source.value(),
                    envelopeFrom,
                    entry.getValue(),
                    messageId,
                    hash,
                    raw,
                    clock.instant())) {
                stored++;
                log.debug(
                        "Stored message {} ({} bytes) for mailbox {}",
                        id,
                        raw.length,
                        entry.getKey().address());
            } else {
                metrics.duplicate();
                log.info(
                        "Message <{}> was already stored for mailbox {}; not stored again",
                        messageId,
                        entry.getKey().address());
            }
        }
        if (stored > 0) {
            int count = stored;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    metrics.received(source, count);
                    workers.wake();
                }
            });
        }
        return stored;
    }
}
