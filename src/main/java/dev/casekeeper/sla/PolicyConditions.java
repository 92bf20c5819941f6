package dev.casekeeper.sla;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import java.util.List;

/**
 * Which cases a policy applies to. Each list left empty matches anything; each list given must
 * contain the case's value (for tags: one of the case's tags); all given lists must match.
 * {@code customerTags} and {@code mailboxes} match cases whose customer tags and mailbox are known.
 */
public record PolicyConditions(
        List<Priority> priorities,
        List<TeamId> teamIds,
        List<Channel> channels,
        List<String> caseTags,
        List<String> customerTags,
        List<String> mailboxes) {

    public static final PolicyConditions ANY =
            new PolicyConditions(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public PolicyConditions {
        priorities = List.copyOf(priorities);
        teamIds = List.copyOf(teamIds);
        channels = List.copyOf(channels);
        caseTags = List.copyOf(caseTags);
        customerTags = List.copyOf(customerTags);
        mailboxes = List.copyOf(mailboxes);
    }
}
