package dev.casekeeper.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryBackoffTests {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofHours(1));
    private final Instant failedAt = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void eachAttemptWaitsTwiceAsLongAsTheOneBeforeUpToTheLongestDelay() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delay(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFailedPublicationIsDueOnlyOnceItsDelayHasPassedSinceTheLastAttempt() {
        assertThat(backoff.due(1, failedAt, failedAt.plusSeconds(29))).isFalse();
        assertThat(backoff.due(1, failedAt, failedAt.plusSeconds(30))).isTrue();
        assertThat(backoff.due(3, failedAt, failedAt.plusSeconds(119))).isFalse();
        assertThat(backoff.due(3, failedAt, failedAt.plusSeconds(120))).isTrue();
    }

    @Test
    void theLastAttemptIsTheLatestResubmissionOrElseThePublication() {
        var resubmitted = failedAt.plusSeconds(300);
        assertThat(RetryBackoff.lastAttempt(failedAt, null)).isEqualTo(failedAt);
        assertThat(RetryBackoff.lastAttempt(failedAt, resubmitted)).isEqualTo(resubmitted);
    }
}
