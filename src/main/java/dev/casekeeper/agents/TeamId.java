package dev.casekeeper.agents;

import java.util.UUID;

/** Identifies a team. */
public record TeamId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
