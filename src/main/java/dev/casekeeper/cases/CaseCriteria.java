package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A list built from filters, as a saved view keeps it: empty sets and nulls do not filter. Every
 * filter is a condition on the case row that an index answers (status, team, owner, tags, custom
 * fields by containment, times), so a count stays cheap at any size of the desk.
 *
 * @param unowned only cases nobody owns (then {@code ownerId} is ignored)
 * @param tags cases holding all of these tags
 * @param customFields stored values of custom fields a case must contain
 * @param waitingLongerThan cases whose customer has waited at least this long for an answer
 * @param slaStates cases in one of these SLA states ({@link CaseFlags})
 * @param heated only heated cases (true), only cases not heated (false), or either (null)
 */
public record CaseCriteria(
        Set<CaseStatus> statuses,
        Set<Priority> priorities,
        @Nullable TeamId teamId,
        @Nullable AgentId ownerId,
        boolean unowned,
        Set<Channel> channels,
        List<String> tags,
        Map<String, Object> customFields,
        @Nullable Duration waitingLongerThan,
        @Nullable Instant createdFrom,
        @Nullable Instant createdTo,
        @Nullable Instant updatedFrom,
        @Nullable Instant updatedTo,
        CaseSort sort,
        boolean ascending,
        Set<SlaState> slaStates,
        @Nullable Boolean heated) {

    public CaseCriteria {
        statuses = Set.copyOf(statuses);
        priorities = Set.copyOf(priorities);
        channels = Set.copyOf(channels);
        tags = List.copyOf(tags);
        customFields = Map.copyOf(customFields);
        slaStates = Set.copyOf(slaStates);
    }
}
