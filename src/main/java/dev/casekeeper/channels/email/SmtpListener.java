package dev.casekeeper.channels.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The inbound SMTP server (SubEthaSMTP). It accepts mail only for active SMTP mailboxes (550 for any
 * other recipient, so it relays nothing), refuses messages over the size limit (552), and answers
 * 250 only once the raw message is committed to PostgreSQL; if storing fails it answers 451 and the
 * sending server tries again later.
 */
@Component
@ConditionalOnBooleanProperty(name = "casekeeper.mail.smtp.enabled", matchIfMissing = true)
class SmtpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

    private final MailSettings.Smtp settings;
    private final MailboxDirectory directory;
    private final InboundStore store;
    private volatile @Nullable SMTPServer server;

    SmtpListener(MailSettings settings, MailboxDirectory directory, InboundStore store) {
        this.settings = settings.smtp();
        this.directory = directory;
        this.store = store;
    }

    @Override
    public synchronized void start() {
        var builder = SMTPServer.port(settings.port())
                .softwareName("Casekeeper")
                .messageHandlerFactory(this::transaction)
                .maxMessageSize((int)
                        Math.min(Integer.MAX_VALUE, settings.maxMessageSize().toBytes()))
                .maxRecipients(settings.maxRecipients())
                .maxConnections(settings.maxConnections())
                .connectionTimeout((int) settings.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .executorService(Executors.newVirtualThreadPerTaskExecutor());
        if (settings.hostname() != null) {
            builder.hostName(settings.hostname());
        }
        if (settings.bindAddress() != null) {
            try {
                builder.bindAddress(InetAddress.getByName(settings.bindAddress()));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(
                        "casekeeper.mail.smtp.bind-address " + settings.bindAddress() + " is unknown", e);
            }
        }
        var started = builder.build();
        started.start();
        server = started;
        log.info("Receiving mail by SMTP on port {}", started.getPortAllocated());
    }

    @Override
    public synchronized void stop() {
        var running = server;
        if (running != null) {
            running.stop();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port the listener took (the configured one, or a free one when configured as 0). */
    int port() {
        var running = server;
        if (running == null) {
            throw new IllegalStateException("The SMTP listener is not running");
        }
        return running.getPortAllocated();
    }

    private MessageHandler transaction(MessageContext context) {
        return new Transaction();
    }

    /** One mail transaction: MAIL FROM, RCPT TO (one or more), DATA. */
    private final class Transaction implements MessageHandler {

        private @Nullable String from;
        private final Map<UUID, MailboxRow> mailboxes = new LinkedHashMap<>();
        private final Map<UUID, List<String>> recipients = new LinkedHashMap<>();

        @Override
        public void from(String from) {
            // PostgreSQL refuses NUL in text; the envelope is kept without it rather than the mail refused.
            this.from = from == null ? null : from.replace("\u0000", "");
        }

        @Override
        public void recipient(String value) throws RejectException {
            String recipient = value.replace("\u0000", "");
            var mailbox = directory
                    .receiving(recipient, InboundMode.SMTP)
                    .orElseThrow(() -> new RejectException(
                            550, "5.1.1 <" + recipient + ">: no such mailbox here; this server relays nothing"));
            mailboxes.put(mailbox.id(), mailbox);
            recipients
                    .computeIfAbsent(mailbox.id(), id -> new ArrayList<>())
                    .add(recipient.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            long limit = settings.maxMessageSize().toBytes();
            byte[] raw = readAtMost(data, limit);
            if (raw == null) {
                throw new RejectException(
                        552,
                        "5.3.4 Message too big: this server takes messages up to "
                                + settings.maxMessageSize().toMegabytes() + " MB");
            }
            var byMailbox = new LinkedHashMap<MailboxRow, List<String>>();
            recipients.forEach((id, addresses) -> byMailbox.put(mailboxes.get(id), addresses));
            try {
                store.store(byMailbox, from, raw, InboundStore.Source.SMTP);
            } catch (RuntimeException e) {
                log.error("Could not store a message from <{}>; answered 451 so the sender retries", from, e);
                throw new RejectException(451, "4.3.0 The message could not be stored; please try again later");
            }
            return "2.0.0 Ok: stored";
        }

        @Override
        public void done() {}
    }

    /** The whole stream, or null when it is longer than the limit; the rest is read and dropped either way. */
    static byte @Nullable [] readAtMost(InputStream in, long limit) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total <= limit) {
                out.write(buffer, 0, n);
            }
        }
        return total > limit ? null : out.toByteArray();
    }
}
