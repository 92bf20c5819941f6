package dev.casekeeper.actions;

import dev.casekeeper.agents.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An action a case can carry out, as an admin defined it. With an amount, agents run it alone up to
 * {@code agentLimit} and supervisors up to {@code supervisorLimit} (a null limit: that role never runs
 * it alone); above both, an admin approves. {@code minRole} is the lowest role that runs it alone at
 * all (for actions without an amount, the only rule). {@code endpointUrl} is the company's system it
 * calls; null when it is done by hand. {@code nextSteps} may name {@code {amount}}, {@code {currency}}
 * and each field's {@code {key}}.
 */
public record ActionType(
        UUID id,
        String name,
        ActionKind kind,
        boolean hasAmount,
        @Nullable String currency,
        @Nullable BigDecimal agentLimit,
        @Nullable BigDecimal supervisorLimit,
        @JsonSerialize(using = RoleValue.class) Role minRole,
        List<ActionField> fields,
        String nextSteps,
        @Nullable String endpointUrl,
        boolean active,
        Instant createdAt) {

    /** Whether running it calls the company's system (else it is done by hand). */
    public boolean connected() {
        return endpointUrl != null;
    }

    /** The lowest role that runs this action for this amount without an approval. */
    public Role roleFor(@Nullable BigDecimal amount) {
        var role = Role.ADMIN;
        if (!hasAmount || amount == null) {
            role = minRole;
        } else if (agentLimit != null && amount.compareTo(agentLimit) <= 0) {
            role = Role.AGENT;
        } else if (supervisorLimit != null && amount.compareTo(supervisorLimit) <= 0) {
            role = Role.SUPERVISOR;
        }
        return role.compareTo(minRole) < 0 ? minRole : role;
    }
}
