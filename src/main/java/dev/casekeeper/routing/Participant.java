package dev.casekeeper.routing;

import dev.casekeeper.agents.AgentId;
import java.time.Instant;

/**
 * An agent who may write in a live contact now: its {@code agent} (who holds it), a {@code colleague}
 * who joined a warm transfer, or a {@code supervisor} who took a request.
 */
public record Participant(AgentId agentId, String role, Instant since) {

    public static final String AGENT = "agent";
    public static final String COLLEAGUE = "colleague";
    public static final String SUPERVISOR = "supervisor";
}
