package dev.casekeeper.routing;

import java.util.UUID;

/** Identifies one offer of a contact to an agent. */
public record OfferId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
