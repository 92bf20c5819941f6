package dev.casekeeper.agents;

import java.util.UUID;

/** Identifies an agent. */
public record AgentId(UUID value) {

    public static AgentId of(String value) {
        return new AgentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
