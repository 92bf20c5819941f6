package dev.casekeeper.sla;

import java.util.UUID;

/** Identifies an SLA policy. */
public record PolicyId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
