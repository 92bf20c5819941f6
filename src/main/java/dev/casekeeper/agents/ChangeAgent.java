package dev.casekeeper.agents;

import org.jspecify.annotations.Nullable;

/** Changes some of an agent's settings; null fields stay as they are. */
public record ChangeAgent(
        @Nullable String email,
        @Nullable String name,
        @Nullable Role role,
        @Nullable Boolean active,
        @Nullable String password) {

    /** Only whether the agent may sign in. */
    public static ChangeAgent active(boolean active) {
        return new ChangeAgent(null, null, null, active, null);
    }
}
