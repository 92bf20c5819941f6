package dev.casekeeper.channels.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Fetches mail from IMAP mailboxes (Angus Mail). Each unseen message is read without marking it
 * (BODY.PEEK), stored, and only then marked seen, or moved to the processed folder when one is set.
 * A crash in between leaves it unseen; the next poll stores it again, which the store recognises as
 * the same message. Polling is a db-scheduler job, so exactly one node polls at a time.
 */
@Component
class ImapMailSource {

    static final String TASK = "email-imap-poll";
    private static final Logger log = LoggerFactory.getLogger(ImapMailSource.class);

    private final MailboxQueries mailboxes;
    private final InboundStore store;
    private final SecretBox secrets;
    private final MailSettings.Imap settings;
    private final Clock clock;

    ImapMailSource(
            MailboxQueries mailboxes, InboundStore store, SecretBox secrets, MailSettings settings, Clock clock) {
        this.mailboxes = mailboxes;
        this.store = store;
        this.secrets = secrets;
        this.settings = settings.imap();
        this.clock = clock;
    }

    /** Polls every active IMAP mailbox, side by side, so one slow server does not hold up the rest. */
    void pollAll() {
        var due = mailboxes.activeImap();
        if (due.isEmpty()) {
            return;
        }
        try (var pollers = Executors.newVirtualThreadPerTaskExecutor()) {
            due.forEach(mailbox -> pollers.submit(() -> poll(mailbox)));
        }
    }

    void poll(MailboxRow mailbox) {
        String error = null;
        try {
            int fetched = fetch(mailbox);
            if (fetched > 0) {
                log.info("Fetched {} messages from IMAP mailbox {}", fetched, mailbox.address());
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            error = describe(e);
            log.warn("Polling IMAP mailbox {} failed: {}", mailbox.address(), error);
        }
        mailboxes.recordPoll(mailbox.id(), clock.instant(), error);
    }

    private int fetch(MailboxRow mailbox) throws MessagingException, IOException {
        String password =
                secrets.decrypt(String.valueOf(mailbox.imapPassword()), mailbox.secretContext("imap_password"));
        boolean tls = mailbox.imapSecurity() == TransportSecurity.TLS;
        String protocol = tls ? "imaps" : "imap";
        String timeout = String.valueOf(settings.timeout().toMillis());
        var properties = new Properties();
        properties.setProperty("mail.store.protocol", protocol);
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        // Read without setting \Seen: a message is marked only once it is stored.
        properties.setProperty("mail." + protocol + ".peek", "true");
        if (mailbox.imapSecurity() == TransportSecurity.STARTTLS) {
            properties.setProperty("mail.imap.starttls.enable", "true");
            properties.setProperty("mail.imap.starttls.required", "true");
        }
        var session = Session.getInstance(properties);
        try (Store imap = session.getStore(protocol)) {
            imap.connect(mailbox.imapHost(), mailbox.imapPort(), mailbox.imapUsername(), password);
            Folder inbox = imap.getFolder(mailbox.imapFolder() == null ? "INBOX" : mailbox.imapFolder());
            inbox.open(Folder.READ_WRITE);
            try {
                Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                var batch = Arrays.copyOf(unseen, Math.min(unseen.length, settings.maxMessagesPerPoll()));
                Folder processed = processedFolder(imap, mailbox);
                for (Message message : batch) {
                    var raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    store.store(
                            Map.of(mailbox, List.of(mailbox.address())),
                            null,
                            raw.toByteArray(),
                            InboundStore.Source.IMAP);
                    markDone(inbox, processed, message);
                }
                return batch.length;
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(true);
                }
            }
        }
    }

    private static Folder processedFolder(Store imap, MailboxRow mailbox) throws MessagingException {
        if (mailbox.imapProcessedFolder() == null) {
            return null;
        }
        Folder folder = imap.getFolder(mailbox.imapProcessedFolder());
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        return folder;
    }

    /** Stored: now, and only now, the message may leave the server's unseen list. */
    private static void markDone(Folder inbox, Folder processed, Message message) throws MessagingException {
        if (processed == null) {
            message.setFlag(Flags.Flag.SEEN, true);
        } else if (inbox instanceof IMAPFolder imapFolder
                && imapFolder.getStore() instanceof IMAPStore store
                && store.hasCapability("MOVE")) {
            imapFolder.moveMessages(new Message[] {message}, processed);
        } else {
            inbox.copyMessages(new Message[] {message}, processed);
            message.setFlag(Flags.Flag.DELETED, true);
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getMessage().strip();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {

        @Bean
        RecurringTask<Void> emailImapPollTask(ImapMailSource source, MailSettings settings) {
            return Tasks.recurring(TASK, FixedDelay.of(settings.imap().pollInterval()))
                    .execute((instance, context) -> source.pollAll());
        }
    }
}
