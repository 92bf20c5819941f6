package dev.casekeeper.sla;

import java.time.DayOfWeek;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One stretch of opening hours on a weekday, {@code [from, to)} in minutes of the local day; a day
 * may have several. {@code to} may be 1440 ({@code 24:00}), the end of the day.
 */
public record OpeningHours(DayOfWeek day, int fromMinute, int toMinute) {

    public static final int END_OF_DAY = 24 * 60;

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    /** {@code "09:00"} as minutes of the day; {@code "24:00"} is the end of the day. Null when malformed. */
    public static @Nullable Integer minuteOf(String time) {
        var match = TIME.matcher(time.strip());
        if (!match.matches()) {
            return null;
        }
        int hours = Integer.parseInt(match.group(1));
        int minutes = Integer.parseInt(match.group(2));
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
            return null;
        }
        return hours * 60 + minutes;
    }

    public static String text(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }

    public String from() {
        return text(fromMinute);
    }

    public String to() {
        return text(toMinute);
    }
}
