package dev.casekeeper.automations;

import dev.casekeeper.sla.SlaCalendar;
import dev.casekeeper.sla.SlaManagement;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Business hours for conditions ({@code calendar.<id>} is {@code open} or {@code closed}): whether a
 * business calendar of the SLA settings is open now. A calendar that was removed is closed. Read from
 * the list of calendars, which never fails inside the change a trigger reacts to.
 */
@Component
class Calendars {

    private final SlaManagement sla;
    private final Clock clock;

    Calendars(SlaManagement sla, Clock clock) {
        this.sla = sla;
        this.clock = clock;
    }

    boolean openNow(String calendarId) {
        return find(calendarId).map(c -> c.isOpen(clock.instant())).orElse(false);
    }

    /** Whether there is such a calendar. */
    boolean exists(String calendarId) {
        return find(calendarId).isPresent();
    }

    private Optional<SlaCalendar> find(String calendarId) {
        return sla.calendars().stream()
                .filter(c -> c.id().value().toString().equals(calendarId))
                .findFirst();
    }
}
