package dev.casekeeper.sla;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which cases a policy applies to. Each list left empty matches anything; each list given must
 * contain the case's value (for tags: one of the case's tags); all given lists must match.
 * {@code customerTags} and {@code mailboxes} match cases whose customer tags and mailbox are known.
 *
 * @param customFields values of case custom fields (by API key, as text) the case must hold, as the
 *     case list's filters match them (a multi-select holds the option among others); a field since
 *     removed, or a value it no longer allows, matches no case
 * @param customerFields values of customer custom fields (by API key, as text) the case's customer
 *     must hold, matched like {@code customFields}
 */
public record PolicyConditions(
        List<Priority> priorities,
        List<TeamId> teamIds,
        List<Channel> channels,
        List<String> caseTags,
        List<String> customerTags,
        List<String> mailboxes,
        Map<String, String> customFields,
        Map<String, String> customerFields) {

    public static final PolicyConditions ANY =
            new PolicyConditions(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public PolicyConditions {
        priorities = List.copyOf(priorities);
        teamIds = List.copyOf(teamIds);
        channels = List.copyOf(channels);
        caseTags = List.copyOf(caseTags);
        customerTags = List.copyOf(customerTags);
        mailboxes = List.copyOf(mailboxes);
        // Policies stored before custom field conditions existed have none.
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        customerFields = customerFields == null ? Map.of() : Map.copyOf(customerFields);
    }

    /** Conditions without customer fields. */
    public PolicyConditions(
            List<Priority> priorities,
            List<TeamId> teamIds,
            List<Channel> channels,
            List<String> caseTags,
            List<String> customerTags,
            List<String> mailboxes,
            Map<String, String> customFields) {
        this(priorities, teamIds, channels, caseTags, customerTags, mailboxes, customFields, Map.of());
    }

    /** Conditions without custom fields. */
    public PolicyConditions(
            List<Priority> priorities,
            List<TeamId> teamIds,
            List<Channel> channels,
            List<String> caseTags,
            List<String> customerTags,
            List<String> mailboxes) {
        this(priorities, teamIds, channels, caseTags, customerTags, mailboxes, Map.of(), Map.of());
    }

    /** The same conditions with these custom field values. */
    public PolicyConditions withCustomFields(@Nullable Map<String, String> values) {
        return new PolicyConditions(
                priorities,
                teamIds,
                channels,
                caseTags,
                customerTags,
                mailboxes,
                values == null ? Map.of() : values,
                customerFields);
    }

    /** The same conditions with these customer field values. */
    public PolicyConditions withCustomerFields(@Nullable Map<String, String> values) {
        return new PolicyConditions(
                priorities,
                teamIds,
                channels,
                caseTags,
                customerTags,
                mailboxes,
                customFields,
                values == null ? Map.of() : values);
    }
}
