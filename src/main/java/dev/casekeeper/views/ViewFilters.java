package dev.casekeeper.views;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A saved view's filters as the agent chose them, stored as written and turned into a query each
 * time the view runs (so "me" is whoever looks, and custom field values are checked against the
 * fields as they are now). Empty lists and nulls do not filter; days are UTC days.
 *
 * @param owner {@code me}, {@code unowned}, an agent's id, or null for anyone
 * @param fields custom field values by API key, as text
 * @param waitingHours cases whose customer has waited at least this many hours
 * @param sort a list order: updated, created, number, subject, status, priority, waiting (the default: updated)
 * @param ascending whether the order runs up (the default: down, latest or longest first)
 * @param slaStates cases in one of these SLA states: at_risk, breached, met
 * @param heated only heated cases (true), only calm ones (false), or either (null)
 */
public record ViewFilters(
        List<String> statuses,
        List<String> priorities,
        @Nullable UUID teamId,
        @Nullable String owner,
        List<String> channels,
        List<String> tags,
        Map<String, String> fields,
        @Nullable Integer waitingHours,
        @Nullable LocalDate createdFrom,
        @Nullable LocalDate createdTo,
        @Nullable LocalDate updatedFrom,
        @Nullable LocalDate updatedTo,
        String sort,
        Boolean ascending,
        List<String> slaStates,
        @Nullable Boolean heated) {

    public ViewFilters {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        channels = channels == null ? List.of() : List.copyOf(channels);
        tags = tags == null ? List.of() : List.copyOf(tags);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        sort = sort == null || sort.isBlank() ? "updated" : sort;
        owner = owner == null || owner.isBlank() ? null : owner;
        ascending = ascending != null && ascending;
        // Views saved before these filters existed have neither.
        slaStates = slaStates == null ? List.of() : List.copyOf(slaStates);
    }
}
