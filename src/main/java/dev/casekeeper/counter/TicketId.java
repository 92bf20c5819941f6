package dev.casekeeper.counter;

import java.util.UUID;

/** A ticket's id. */
public record TicketId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
