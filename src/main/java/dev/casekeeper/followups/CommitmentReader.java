package dev.casekeeper.followups;

import java.text.BreakIterator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.natty.DateGroup;
import org.natty.Parser;

/**
 * Finds, in a reply or chat line, a sentence that commits to something with a time ("I'll call you
 * tomorrow at 10:00", "tracking by 3 pm", "within 5 working days") and when that is due. The time
 * itself is read by natty, a maintained natural-language date parser; only whether a sentence
 * commits ("I'll", "we will", "by", "within") and "n working days", which must follow the team's
 * calendar, are read here.
 */
final class CommitmentReader {

    /** Words that make a sentence a commitment rather than a mention of a date ("your order of 3 May"). */
    private static final Pattern COMMITMENT = Pattern.compile(
            "\\b(i'll|i will|i'm going to|i am going to|we'll|we will|we're going to|we are going to|will|shall|by|within|until)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern WORKING_DAYS = Pattern.compile(
            "\\bwithin\\s+(\\d{1,2})\\s+(?:working|business)\\s+days?\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A bare number ("order 1234") is not a time, though natty may read it as one. */
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,4}");

    /** A day said without a time ("tomorrow") is due at the end of its working hours. */
    static final LocalTime DAY_WITHOUT_TIME = LocalTime.of(17, 0);

    private static final Duration FURTHEST = Duration.ofDays(366);

    /** The close of the n-th working day after a moment, in the team's calendar; empty when it has none. */
    interface WorkingDays {
        Optional<Instant> closeOfDayAfter(Instant from, int days);
    }

    private CommitmentReader() {}

    /** The first sentence of {@code text} that commits to a time still ahead of {@code now}, as seen in {@code zone}. */
    static Optional<PromiseSuggestion> read(String text, Instant now, ZoneId zone, WorkingDays workingDays) {
        String plain = text.replace('\u2019', '\'');
        var sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(plain);
        for (int start = sentences.first(), end = sentences.next();
                end != BreakIterator.DONE;
                start = end, end = sentences.next()) {
            String sentence = plain.substring(start, end).strip();
            if (sentence.isEmpty() || !COMMITMENT.matcher(sentence).find()) {
                continue;
            }
            var found = due(sentence, now, zone, workingDays);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<PromiseSuggestion> due(String sentence, Instant now, ZoneId zone, WorkingDays workingDays) {
        String text = sentence.length() > FollowupManagement.MAX_TEXT
                ? sentence.substring(0, FollowupManagement.MAX_TEXT)
                : sentence;
        // natty reads at most a promise's length: a long run of text without a full stop costs it dearly.
        var working = WORKING_DAYS.matcher(text);
        if (working.find()) {
            int days = Integer.parseInt(working.group(1));
            if (days < 1) {
                return Optional.empty();
            }
            var due = workingDays.closeOfDayAfter(now, days).orElseGet(() -> weekdaysAfter(now, zone, days));
            return Optional.of(new PromiseSuggestion(text, due, working.group()));
        }
        for (DateGroup group : new Parser(TimeZone.getTimeZone(zone)).parse(text, Date.from(now))) {
            if (group.getDates().isEmpty()
                    || group.isRecurring()
                    || BARE_NUMBER.matcher(group.getText().strip()).matches()) {
                continue;
            }
            var at = group.getDates().getFirst().toInstant().atZone(zone);
            if (group.isTimeInferred()) {
                at = at.with(DAY_WITHOUT_TIME);
            }
            if (!at.toInstant().isAfter(now) && group.isDateInferred()) {
                // "by 3 pm" said after three: tomorrow's.
                at = at.plusDays(1);
            }
            var due = at.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            if (due.isAfter(now) && due.isBefore(now.plus(FURTHEST))) {
                return Optional.of(
                        new PromiseSuggestion(text, due, group.getText().strip()));
            }
        }
        return Optional.empty();
    }

    /** Without a business calendar, working days are Monday to Friday; the promise is due at the same time of day. */
    static Instant weekdaysAfter(Instant from, ZoneId zone, int days) {
        ZonedDateTime at = from.atZone(zone);
        int counted = 0;
        while (counted < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return at.toInstant();
    }
}
