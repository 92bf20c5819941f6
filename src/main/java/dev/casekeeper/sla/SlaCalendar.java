package dev.casekeeper.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A named business calendar: its time zone, weekly opening hours and holidays. SLA time counts only while it is open. */
public record SlaCalendar(
        CalendarId id,
        String name,
        ZoneId zone,
        List<OpeningHours> hours,
        List<Holiday> holidays,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether the calendar is open at that instant (within its hours, not on a holiday). */
    public boolean isOpen(Instant at) {
        return BusinessCalendar.of(this).isOpen(at);
    }

    /** Its open time between two instants (its hours in its zone, less its holidays). */
    public OpenTime openTime() {
        return BusinessCalendar.of(this)::between;
    }
}
