package dev.casekeeper.sla;

import java.util.UUID;

/** Identifies a business calendar. */
public record CalendarId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
