package dev.casekeeper.callbacks;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * Ask for a callback on a case: to {@code phone} or {@code email} (at least one), in {@code window}
 * (null: from now, for the configured default length). {@code teamId} null means the case's team;
 * {@code ownerId} null leaves it in the team's queue. {@code onceKey} names the occasion (e.g.
 * {@code contact:<id>}) for a caller that may ask twice: the second ask returns the first callback.
 */
public record RequestCallback(
        CaseId caseId,
        @Nullable TeamId teamId,
        @Nullable AgentId ownerId,
        @Nullable String phone,
        @Nullable String email,
        @Nullable CallbackWindow window,
        Callback.Source source,
        @Nullable String note,
        @Nullable String onceKey) {

    /** A request from a customer (portal, widget, phone): no owner yet, the case's team. */
    public static RequestCallback fromCustomer(
            CaseId caseId,
            Callback.Source source,
            @Nullable String phone,
            @Nullable String email,
            @Nullable CallbackWindow window) {
        return new RequestCallback(caseId, null, null, phone, email, window, source, null, null);
    }

    public RequestCallback withTeam(@Nullable TeamId team) {
        return new RequestCallback(caseId, team, ownerId, phone, email, window, source, note, onceKey);
    }

    public RequestCallback withOwner(@Nullable AgentId owner) {
        return new RequestCallback(caseId, teamId, owner, phone, email, window, source, note, onceKey);
    }

    public RequestCallback withNote(@Nullable String text) {
        return new RequestCallback(caseId, teamId, ownerId, phone, email, window, source, text, onceKey);
    }

    public RequestCallback once(String key) {
        return new RequestCallback(caseId, teamId, ownerId, phone, email, window, source, note, key);
    }
}
