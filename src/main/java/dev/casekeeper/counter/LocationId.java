package dev.casekeeper.counter;

import java.util.UUID;

/** A counter location's id. */
public record LocationId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
