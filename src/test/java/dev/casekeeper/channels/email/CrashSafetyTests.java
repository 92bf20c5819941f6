package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.CasekeeperApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stopping the application while mail pours in and the workers are mid-batch loses nothing it
 * answered 250 for, and ingests nothing twice. Runs on a database of its own, so no other test's
 * workers touch its messages.
 */
class CrashSafetyTests {

    @Test
    void everyMessageAnswered250IsIngestedExactlyOnceAfterAStopMidBatch() throws Exception {
        Path dataDir =
                Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath();
        var acknowledged = ConcurrentHashMap.<String>newKeySet();
        var first = start(dataDir);
        var mailbox = first.getBean(MailboxManagement.class)
                .create(new SaveMailbox(
                        "crash@desk.example.com",
                        null,
                        null,
                        InboundMode.SMTP,
                        null,
                        null,
                        Mailbox.Acknowledgement.OFF,
                        true));
        int port = first.getBean(SmtpListener.class).port();
        var sending = new AtomicBoolean(true);
        var sent = new AtomicInteger();
        var senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            senders.submit(() -> send(port, mailbox.address(), sending, sent, acknowledged));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> ingested(first) >= 20 && acknowledged.size() >= 100);
        first.close();
        sending.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(100);

        var second = start(dataDir);
        try {
            var jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> waiting(jdbc) == 0);
            for (String messageId : acknowledged) {
                assertThat(jdbc.sql(
                                        "select count(*) from email.inbound_message where message_id = :id and state = 'processed'")
                                .param("id", messageId)
                                .query(Long.class)
                                .single())
                        .as("stored and processed once: " + messageId)
                        .isEqualTo(1);
                assertThat(jdbc.sql(
                                        "select count(*) from cases.timeline_entry where data -> 'email' ->> 'messageId' = :id")
                                .param("id", messageId)
                                .query(Long.class)
                                .single())
                        .as("one case entry for " + messageId)
                        .isEqualTo(1);
            }
            assertThat(jdbc.sql("select count(*) from email.inbound_message where state <> 'processed'")
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            second.close();
        }
    }

    private static void send(int port, String to, AtomicBoolean sending, AtomicInteger sent, Set<String> acknowledged) {
        while (sending.get() && sent.get() < 2_000) {
            String messageId = UUID.randomUUID() + "@client.example.net";
            sent.incrementAndGet();
            String raw = "From: crash-" + (sent.get() % 50) + "@example.org\r\nTo: " + to + "\r\nSubject: Crash test "
                    + messageId + "\r\nMessage-ID: <" + messageId + ">\r\n\r\nPlease keep me safe.\r\n";
            try {
                if (SmtpConversation.send(port, "sender@example.org", to, raw.getBytes(StandardCharsets.UTF_8))
                        .startsWith("250")) {
                    acknowledged.add(messageId);
                }
            } catch (RuntimeException e) {
                // The listener went away mid-session: no 250, so nothing was promised.
            }
        }
    }

    private static long ingested(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from email.inbound_message where state = 'processed'")
                .query(Long.class)
                .single();
    }

    private static long waiting(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from email.inbound_message where state = 'received'")
                .query(Long.class)
                .single();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(CasekeeperApplication.class)
                .profiles("test")
                .run(
                        "--casekeeper.data-dir=" + dataDir,
                        "--server.port=0",
                        "--casekeeper.mail.smtp.port=0",
                        "--casekeeper.mail.parsing.workers=1");
    }
}
