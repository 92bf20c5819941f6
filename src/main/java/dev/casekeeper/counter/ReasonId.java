package dev.casekeeper.counter;

import java.util.UUID;

/** A visit reason's id. */
public record ReasonId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
