package dev.casekeeper.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as pages show them, used from templates as {@code @times}: how long ago, how long a
 * customer has waited, and a fallback absolute time (the browser shows it in the agent's zone).
 */
@Component("times")
class Times {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final MessageSource messages;

    Times(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /** "3 min", "2 h 5 min", "4 d 1 h": the time from {@code since} until now. */
    public String since(@Nullable Instant since) {
        if (since == null) {
            return "";
        }
        return duration(Duration.between(since, clock.instant()));
    }

    /** "just now", "3 min ago", "2 h 5 min ago". */
    public String ago(@Nullable Instant at) {
        if (at == null) {
            return "";
        }
        var duration = Duration.between(at, clock.instant());
        return duration.toMinutes() < 1 ? text("time.justNow") : text("time.ago", duration(duration));
    }

    public String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return text("duration.underAMinute");
        }
        if (minutes < 60) {
            return text("duration.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return text("duration.hours", minutes / 60, minutes % 60);
        }
        return text("duration.days", minutes / (24 * 60), (minutes / 60) % 24);
    }

    /** Whether a wait this long deserves attention in a list (longer than an hour). */
    public boolean isLong(@Nullable Instant since) {
        return since != null && Duration.between(since, clock.instant()).toMinutes() >= 60;
    }

    public String absolute(@Nullable Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    public String iso(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
