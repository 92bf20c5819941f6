package dev.casekeeper.views;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseCriteria;
import dev.casekeeper.cases.CaseCriteriaLookup;
import dev.casekeeper.cases.CasePage;
import dev.casekeeper.cases.CaseSort;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.SlaState;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views: an agent's own lists and those shared with their teams, their cases and their
 * counts. A personal view is its owner's alone: to anyone else it does not exist.
 */
@Service
@Transactional
public class SavedViewManagement {

    /** An agent keeps at most this many views of their own, so the sidebar's counts stay few. */
    static final int MAX_PER_AGENT = 30;

    private final SavedViewQueries views;
    private final CaseCriteriaLookup cases;
    private final FieldManagement fields;
    private final Clock clock;

    SavedViewManagement(SavedViewQueries views, CaseCriteriaLookup cases, FieldManagement fields, Clock clock) {
        this.views = views;
        this.cases = cases;
        this.fields = fields;
        this.clock = clock;
    }

    /** The agent's personal views and the views shared with their teams (supervisors and admins: every shared view). */
    @Transactional(readOnly = true)
    public List<SavedView> visibleTo(SignedInAgent me) {
        return views.visible(
                me.id(),
                me.teamIds().stream().map(TeamId::value).toList(),
                me.role().seesAllTeams());
    }

    @Transactional(readOnly = true)
    public SavedView find(UUID id, SignedInAgent me) {
        return views.find(id).filter(v -> canSee(v, me)).orElseThrow(() -> new NotFoundException("Saved view", id));
    }

    /** Saves a view; sharing it with a team takes a supervisor or an admin. */
    public SavedView create(SaveView view, SignedInAgent me) {
        if (view.teamId() != null && !me.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins share views with a team");
        }
        String name = view.name() == null ? "" : view.name().strip();
        var errors = new LinkedHashMap<String, String>();
        if (name.isEmpty() || name.length() > 80) {
            errors.put("name", "must be 1 to 80 characters");
        }
        var columns = view.columns().isEmpty() ? List.of("number", "subject", "status", "updated") : view.columns();
        for (String column : columns) {
            if (!SavedView.COLUMNS.contains(column) && !column.startsWith("field:")) {
                errors.put("columns", "unknown column " + column);
            }
        }
        try {
            criteria(view.filters(), me);
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (visibleTo(me).stream().filter(v -> v.ownerId().equals(me.id())).count() >= MAX_PER_AGENT) {
            throw new InvalidInputException("name", "you keep at most " + MAX_PER_AGENT + " views; remove one first");
        }
        UUID id = UUID.randomUUID();
        views.insert(
                id, me.id(), new SaveView(name, view.teamId(), view.filters(), List.copyOf(columns)), clock.instant());
        return find(id, me);
    }

    /** Removes a view: one's own personal view, or (supervisors and admins) a shared one. */
    public void delete(UUID id, SignedInAgent me) {
        var view = find(id, me);
        boolean mayRemove =
                view.shared() ? me.role().seesAllTeams() : view.ownerId().equals(me.id());
        if (!mayRemove) {
            throw new AccessDeniedException("Only supervisors and admins remove a shared view");
        }
        views.delete(id);
    }

    /** A page of the view's cases, as the agent may see them. */
    @Transactional(readOnly = true)
    public CasePage cases(UUID id, SignedInAgent me, int page, int size) {
        return cases.page(criteria(find(id, me).filters(), me), me, page, size);
    }

    /**
     * How many cases each of the agent's views holds, capped like every list's count ({@link
     * CasePage#COUNT_CAP}); a view whose filters no longer apply (a field was removed) counts none.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Long> counts(SignedInAgent me) {
        var counts = new LinkedHashMap<UUID, Long>();
        for (var view : visibleTo(me)) {
            try {
                counts.put(view.id(), cases.count(criteria(view.filters(), me), me));
            } catch (InvalidInputException e) {
                counts.put(view.id(), 0L);
            }
        }
        return counts;
    }

    /** The filters as a query for this agent; refuses values that name nothing. */
    CaseCriteria criteria(ViewFilters f, SignedInAgent me) {
        var errors = new LinkedHashMap<String, String>();
        var statuses = parse(f.statuses(), "statuses", CaseStatus::from, errors);
        var priorities = parse(f.priorities(), "priorities", Priority::from, errors);
        var channels = parse(f.channels(), "channels", Channel::from, errors);
        var slaStates = parse(f.slaStates(), "slaStates", SlaState::from, errors);
        var sort = CaseSort.fromKey(f.sort()).orElse(null);
        if (sort == null) {
            errors.put("sort", "must be updated, created, number, subject, status, priority or waiting");
        }
        AgentId owner = null;
        boolean unowned = false;
        if ("me".equals(f.owner())) {
            owner = me.id();
        } else if ("unowned".equals(f.owner())) {
            unowned = true;
        } else if (f.owner() != null) {
            try {
                owner = new AgentId(UUID.fromString(f.owner()));
            } catch (IllegalArgumentException e) {
                errors.put("owner", "must be me, unowned or an agent's id");
            }
        }
        if (f.waitingHours() != null && (f.waitingHours() < 0 || f.waitingHours() > 24 * 365)) {
            errors.put("waitingHours", "must be 0 to 8760 hours");
        }
        Map<String, Object> custom = Map.of();
        try {
            custom = fields.caseFilter(f.fields());
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CaseCriteria(
                statuses,
                priorities,
                f.teamId() == null ? null : new TeamId(f.teamId()),
                owner,
                unowned,
                channels,
                f.tags().stream().filter(t -> !t.isBlank()).toList(),
                custom,
                f.waitingHours() == null ? null : Duration.ofHours(f.waitingHours()),
                start(f.createdFrom()),
                end(f.createdTo()),
                start(f.updatedFrom()),
                end(f.updatedTo()),
                sort,
                f.ascending(),
                slaStates,
                f.heated());
    }

    private static boolean canSee(SavedView view, SignedInAgent me) {
        if (!view.shared()) {
            return view.ownerId().equals(me.id());
        }
        return me.role().seesAllTeams() || me.teamIds().contains(view.teamId());
    }

    private static <T> Set<T> parse(
            List<String> values, String name, Function<String, T> parser, Map<String, String> errors) {
        try {
            return values.stream().filter(v -> !v.isBlank()).map(parser).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            errors.put(name, "holds a value that is not one of the known ones");
            return Set.of();
        }
    }

    private static @Nullable Instant start(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static @Nullable Instant end(@Nullable LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
