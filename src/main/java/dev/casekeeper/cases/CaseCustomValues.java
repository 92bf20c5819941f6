package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The values of a case's custom fields, stored with the case by API key: {@code cases} keeps them
 * and finds cases by them; the module that defines the fields checks them before they get here and
 * says how to show them. A change is one transaction: the values, one history row and one timeline
 * event per field, and a {@link CaseUpdated} for live views.
 */
@Service
@Transactional
public class CaseCustomValues {

    private final CaseQueries cases;
    private final CustomValueQueries values;
    private final CaseWriter writer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseCustomValues(
            CaseQueries cases,
            CustomValueQueries values,
            CaseWriter writer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.values = values;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The stored values of a case, by API key: strings, numbers ({@link java.math.BigDecimal} for
     * fractions), booleans and lists of strings. The caller has checked that its reader may see the case.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> of(CaseId id) {
        return values.of(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
    }

    /** The stored values of several cases (a page of a list), by case. */
    @Transactional(readOnly = true)
    public Map<CaseId, Map<String, Object>> of(Collection<CaseId> ids) {
        var found = new HashMap<CaseId, Map<String, Object>>();
        values.of(ids.stream().map(CaseId::value).toList()).forEach((id, v) -> found.put(new CaseId(id), v));
        return found;
    }

    /**
     * Sets (or, with a null value, clears) values of a case the agent may see, recording each line
     * on the timeline. A closed case takes no changes.
     *
     * @param changes stored values by API key, as the defining module checked them
     * @param lines what the timeline says, one per changed field
     */
    public void change(
            CaseId id,
            Map<String, @Nullable Object> changes,
            List<TimelineEvent.CustomFieldChanged> lines,
            SignedInAgent by) {
        var kase = CaseVisibility.visible(cases.lock(id.value()).orElse(null), by, id);
        change(kase, id, changes, lines, by.actor());
    }

    /**
     * Sets values of a case as {@code by} without a viewer (an automation, as Casekeeper), recording
     * each line on the timeline. A closed case takes no changes.
     */
    public void change(
            CaseId id,
            Map<String, @Nullable Object> changes,
            List<TimelineEvent.CustomFieldChanged> lines,
            dev.casekeeper.shared.Actor by) {
        var kase = cases.lock(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
        change(kase, id, changes, lines, by);
    }

    private void change(
            Case kase,
            CaseId id,
            Map<String, @Nullable Object> changes,
            List<TimelineEvent.CustomFieldChanged> lines,
            dev.casekeeper.shared.Actor by) {
        kase.requireOpenFor("changes");
        var before = values.of(id.value()).orElseThrow();
        Map<String, Object> set = new HashMap<>();
        var cleared = new java.util.ArrayList<String>();
        changes.forEach((key, value) -> {
            if (value == null) {
                if (before.containsKey(key)) {
                    cleared.add(key);
                }
            } else if (!Objects.equals(before.get(key), value)) {
                set.put(key, value);
            }
        });
        if (set.isEmpty() && cleared.isEmpty()) {
            return; // what the case already has is not a change
        }
        Instant now = clock.instant();
        values.write(id.value(), set, cleared, now);
        for (String key : set.keySet()) {
            cases.recordHistory(kase.id, by, "custom:" + key, text(before.get(key)), text(set.get(key)), now);
        }
        for (String key : cleared) {
            cases.recordHistory(kase.id, by, "custom:" + key, text(before.get(key)), null, now);
        }
        for (var line : lines) {
            writer.event(kase.id, by, line, now);
        }
        var team = kase.teamId == null ? null : new TeamId(kase.teamId);
        var owner = kase.ownerId == null ? null : new AgentId(kase.ownerId);
        events.publishEvent(new CaseUpdated(id, kase.number, team, owner, team, owner));
        var keys = new java.util.HashSet<>(set.keySet());
        keys.addAll(cleared);
        events.publishEvent(new CustomFieldsChanged(id, keys));
    }

    /**
     * Whether the case's stored values contain these (as {@link CustomFieldRules#filter} gives them:
     * a multi-select contains a case holding that option among others), as list filters match.
     */
    @Transactional(readOnly = true)
    public boolean contain(CaseId id, Map<String, Object> wanted) {
        return wanted.isEmpty() || values.contain(id.value(), wanted);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
