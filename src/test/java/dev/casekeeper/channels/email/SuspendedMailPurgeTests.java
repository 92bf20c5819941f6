package dev.casekeeper.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Suspended mail is kept for its retention (30 days), then the purge deletes it. */
@MovesTime
class SuspendedMailPurgeTests extends EmailTestBase {

    @Autowired
    BlockListManagement blockList;

    @Test
    void suspendedMailIsKeptThirtyDaysAndThenDeleted() {
        var mailbox = smtpMailbox(null);
        String sender = "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        admin().post("/api/v1/email/blocked-senders", Map.of("value", sender));
        String marker = marker();
        deliver(sender, mailbox.address(), plain(sender, mailbox.address(), "Promo " + marker, "Hello."));
        await().atMost(Duration.ofSeconds(60)).until(() -> suspended(marker) == 1);

        TestClock.INSTANCE.advance(Duration.ofDays(29));
        blockList.purge();
        assertThat(suspended(marker)).isEqualTo(1);

        TestClock.INSTANCE.advance(Duration.ofDays(2));
        blockList.purge();
        assertThat(suspended(marker)).isZero();
    }

    private long suspended(String marker) {
        return jdbc.sql(
                        "select count(*) from email.inbound_message where state = 'suspended' and suspended_subject like :s")
                .param("s", "%" + marker + "%")
                .query(Long.class)
                .single();
    }
}
