package dev.casekeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AcceptedDatesTests {

    @Test
    void takesTimesFrom1970ToTheEndOf9999() {
        assertThat(AcceptedDates.contains(Instant.parse("1970-01-01T00:00:00Z")))
                .isTrue();
        assertThat(AcceptedDates.contains(Instant.parse("2026-05-01T09:00:00Z")))
                .isTrue();
        assertThat(AcceptedDates.contains(Instant.parse("9999-12-31T23:59:59.999999Z")))
                .isTrue();
        assertThat(AcceptedDates.contains(Instant.parse("1969-12-31T23:59:59Z")))
                .isFalse();
        assertThat(AcceptedDates.contains(Instant.parse("+10000-01-01T00:00:00Z")))
                .isFalse();
        assertThat(AcceptedDates.contains(Instant.MAX)).isFalse();
        assertThat(AcceptedDates.contains(Instant.MIN)).isFalse();
    }

    @Test
    void takesDaysFrom1970To9999() {
        assertThat(AcceptedDates.contains(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(AcceptedDates.contains(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(AcceptedDates.contains(LocalDate.of(1969, 12, 31))).isFalse();
        assertThat(AcceptedDates.contains(LocalDate.MAX)).isFalse();
    }

    @Test
    void judgesOtherTemporalsByTheirInstantOrTheirDay() {
        assertThat(AcceptedDates.contains((java.time.temporal.TemporalAccessor) OffsetDateTime.MAX))
                .isFalse();
        assertThat(AcceptedDates.contains((java.time.temporal.TemporalAccessor)
                        OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
                .isTrue();
        assertThat(AcceptedDates.contains((java.time.temporal.TemporalAccessor) LocalDateTime.MIN))
                .isFalse();
        assertThat(AcceptedDates.contains((java.time.temporal.TemporalAccessor) LocalTime.NOON))
                .isTrue();
    }
}
