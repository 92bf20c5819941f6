package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.customers.CustomerId;
import org.jspecify.annotations.Nullable;

/** What a case list asks for; null fields do not filter. {@code q} matches the number or subject. */
public record CaseFilter(
        @Nullable CaseStatus status,
        @Nullable AgentId ownerId,
        @Nullable TeamId teamId,
        @Nullable String tag,
        @Nullable CustomerId requesterId,
        @Nullable String q) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null);
    }
}
