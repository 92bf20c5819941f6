package dev.casekeeper.agents;

import dev.casekeeper.shared.Actor;
import java.util.Set;

/** The agent behind a request, as established by a password or an API token. */
public record SignedInAgent(AgentId id, String email, String name, Role role, Set<TeamId> teamIds) {

    public Actor actor() {
        return Actor.agent(id.value());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
