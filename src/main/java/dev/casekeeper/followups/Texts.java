package dev.casekeeper.followups;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How follow-up notifications and refusals write a time. */
final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Texts() {}

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
