package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.customers.CustomerId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a case list asks for; null fields do not filter. {@code q} matches the number or subject;
 * {@code customFields} are stored values of custom fields a case must contain ({@link CustomFieldRules#filter}).
 */
public record CaseFilter(
        @Nullable CaseStatus status,
        @Nullable AgentId ownerId,
        @Nullable TeamId teamId,
        @Nullable String tag,
        @Nullable CustomerId requesterId,
        @Nullable String q,
        Map<String, Object> customFields) {

    public CaseFilter {
        customFields = Map.copyOf(customFields);
    }

    public CaseFilter(
            @Nullable CaseStatus status,
            @Nullable AgentId ownerId,
            @Nullable TeamId teamId,
            @Nullable String tag,
            @Nullable CustomerId requesterId,
            @Nullable String q) {
        this(status, ownerId, teamId, tag, requesterId, q, Map.of());
    }

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null);
    }
}
