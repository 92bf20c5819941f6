package dev.casekeeper.agents;

import java.util.Locale;

/**
 * What an agent may do. Agents work the cases of their teams; supervisors also see every team's
 * cases and take escalations; admins also manage agents, teams and settings.
 */
public enum Role {
    AGENT,
    SUPERVISOR,
    ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role from(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether this role sees and works every team's cases. */
    public boolean seesAllTeams() {
        return this != AGENT;
    }
}
