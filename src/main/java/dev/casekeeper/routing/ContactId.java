package dev.casekeeper.routing;

import java.util.UUID;

/** Identifies a contact in a queue. */
public record ContactId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
