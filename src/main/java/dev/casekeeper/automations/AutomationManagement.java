package dev.casekeeper.automations;

import dev.casekeeper.actions.ActionManagement;
import dev.casekeeper.actions.ProposeAction;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseAutomation;
import dev.casekeeper.cases.CaseCustomValues;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldSubject;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.StorableText;
import dev.casekeeper.webhooks.WebhookManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' triggers and time-based automations: added disabled unless said otherwise, checked field by
 * field (bad input changes nothing), reordered, enabled, removed, and tried out by a dry-run that
 * changes nothing. Every change reaches every node's {@link TriggerCache}.
 */
@Service
@Transactional
public class AutomationManagement {

    static final int MAX_NAME = 200;
    static final int MAX_ITEMS = 20;
    static final int MAX_VALUE = 5000;
    static final int MAX_HOURS = 24 * 365;
    static final Set<String> ACTIONS = Set.of(
            "set_status",
            "set_priority",
            "add_tags",
            "remove_tags",
            "assign_team",
            "assign_agent",
            "add_note",
            "notify",
            "call_webhook",
            "set_field",
            "run_action",
            EmailAction.TYPE);
    static final Set<String> NOTIFY = Set.of("owner", "team", "supervisors");

    private static final Logger log = LoggerFactory.getLogger(AutomationManagement.class);

    private final AutomationQueries automations;
    private final TriggerCache cache;
    private final AgentManagement agents;
    private final WebhookManagement webhooks;
    private final FieldManagement fields;
    private final ActionManagement resolutions;
    private final EmailAction email;
    private final CaseAutomation cases;
    private final CaseLookup lookup;
    private final CaseCustomValues customValues;
    private final CustomerFacts customers;
    private final Calendars calendars;
    private final AutomationSettings settings;
    private final Clock clock;

    AutomationManagement(
            AutomationQueries automations,
            TriggerCache cache,
            AgentManagement agents,
            WebhookManagement webhooks,
            FieldManagement fields,
            ActionManagement resolutions,
            EmailAction email,
            CaseAutomation cases,
            CaseLookup lookup,
            CaseCustomValues customValues,
            CustomerFacts customers,
            Calendars calendars,
            AutomationSettings settings,
            Clock clock) {
        this.automations = automations;
        this.cache = cache;
        this.agents = agents;
        this.webhooks = webhooks;
        this.fields = fields;
        this.resolutions = resolutions;
        this.email = email;
        this.cases = cases;
        this.lookup = lookup;
        this.customValues = customValues;
        this.customers = customers;
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Automation> list(Automation.Kind kind) {
        return automations.list(kind);
    }

    @Transactional(readOnly = true)
    public Automation find(Automation.Kind kind, UUID id) {
        return automations
                .find(id)
                .filter(a -> a.kind() == kind)
                .orElseThrow(
                        () -> new NotFoundException(kind == Automation.Kind.TRIGGER ? "Trigger" : "Automation", id));
    }

    /** A trigger or a time-based automation, whichever the id is. */
    @Transactional(readOnly = true)
    public Automation find(UUID id) {
        return automations.find(id).orElseThrow(() -> new NotFoundException("Automation", id));
    }

    /** Adds a trigger or a time-based automation; disabled unless {@code enabled} says otherwise. */
    public Automation create(Automation.Kind kind, SaveAutomation form) {
        Instant now = clock.instant();
        var automation = valid(kind, UUID.randomUUID(), form, null, now, now);
        save(automation);
        log.info("{} {} ({}) added", kind.value(), automation.name(), automation.id());
        return find(kind, automation.id());
    }

    /** Replaces what the admin gave; what they left out stays as it was. */
    public Automation update(Automation.Kind kind, UUID id, SaveAutomation form) {
        var before = find(kind, id);
        save(valid(kind, id, form, before, before.createdAt(), clock.instant()));
        return find(kind, id);
    }

    public void delete(Automation.Kind kind, UUID id) {
        find(kind, id);
        automations.delete(id);
        cache.changed();
    }

    /** The cases the automation would act on now, whether it is enabled or not; changes nothing. */
    @Transactional(readOnly = true)
    public DryRun dryRun(Automation.Kind kind, UUID id) {
        var automation = find(kind, id);
        if (kind == Automation.Kind.TRIGGER) {
            var open = cases.notClosed(settings.dryRunCases());
            var matches = open.stream()
                    .filter(kase ->
                            Conditions.met(automation, new CaseFacts(kase, lookup, customValues, customers, calendars)))
                    .map(kase -> DryRun.Match.of(kase, email.preview(automation, kase)))
                    .toList();
            return new DryRun(id, open.size(), matches);
        }
        var due = due(automation, clock.instant());
        return new DryRun(
                id,
                due.size(),
                due.stream()
                        .map(kase -> DryRun.Match.of(kase, email.preview(automation, kase)))
                        .toList());
    }

    /** The cases a time-based automation is due to act on at {@code now}: in its status long enough, not yet acted on. */
    List<dev.casekeeper.cases.CaseSummary> due(Automation automation, Instant now) {
        var status = CaseStatus.from(Objects.requireNonNull(automation.status()));
        var before = now.minus(Duration.ofHours(Objects.requireNonNull(automation.hours())));
        var found = new ArrayList<dev.casekeeper.cases.CaseSummary>();
        var seen = new HashSet<UUID>();
        List<CaseAutomation.InStatus> batch;
        do {
            batch = cases.inStatusSince(status, before, seen, 200);
            for (var in : batch) {
                seen.add(in.caseId().value());
                if (automations.hasRun(automation.id(), in.caseId().value(), in.since())) {
                    continue;
                }
                lookup.byId(in.caseId())
                        .filter(kase -> Conditions.met(
                                automation, new CaseFacts(kase, lookup, customValues, customers, calendars)))
                        .ifPresent(found::add);
            }
        } while (batch.size() == 200 && found.size() < settings.dryRunCases());
        return found;
    }

    private void save(Automation automation) {
        if (!automations.save(automation)) {
            throw new ConflictException(
                    "automation-name-taken", "An automation named " + automation.name() + " already exists");
        }
        cache.changed();
    }

    /** The automation the form makes of {@code before} (null: a new one); every problem is named at once. */
    private Automation valid(
            Automation.Kind kind,
            UUID id,
            SaveAutomation form,
            @Nullable Automation before,
            Instant createdAt,
            Instant now) {
        var errors = new LinkedHashMap<String, String>();
        String name = form.name() != null ? form.name().strip() : before != null ? before.name() : "";
        if (name.isEmpty()) {
            errors.put("name", "must not be blank");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "must be at most " + MAX_NAME + " characters long");
        } else if (!StorableText.isStorable(name)) {
            errors.put("name", "holds a character Casekeeper cannot keep");
        }
        TriggerEvent event = null;
        String status = null;
        Integer hours = null;
        if (kind == Automation.Kind.TRIGGER) {
            if (form.event() != null) {
                event = TriggerEvent.of(form.event()).orElse(null);
                if (event == null) {
                    errors.put("event", "must be one of " + String.join(", ", events()));
                }
            } else if (before != null) {
                event = before.event();
            } else {
                errors.put("event", "must be one of " + String.join(", ", events()));
            }
        } else {
            status = form.status() != null ? form.status() : before != null ? before.status() : null;
            if (status == null || !statuses().contains(status)) {
                errors.put("status", "must be one of " + String.join(", ", statuses()));
            }
            hours = form.hours() != null ? form.hours() : before != null ? before.hours() : null;
            if (hours == null || hours < 1 || hours > MAX_HOURS) {
                errors.put("hours", "must be between 1 and " + MAX_HOURS);
            }
        }
        boolean matchAll = before == null || before.matchAll();
        if (form.match() != null) {
            if (!form.match().equals("all") && !form.match().equals("any")) {
                errors.put("match", "must be all or any");
            }
            matchAll = !form.match().equals("any");
        }
        var conditions = form.conditions() != null
                ? form.conditions()
                : before != null ? before.conditions() : List.<Condition>of();
        checkConditions(conditions, errors);
        var actions = form.actions() != null
                ? form.actions()
                : before != null ? before.actions() : List.<AutomationAction>of();
        checkActions(actions, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Automation(
                id,
                kind,
                name,
                form.enabled() != null ? form.enabled() : before != null && before.enabled(),
                form.position() != null ? form.position() : before != null ? before.position() : 0,
                event,
                status,
                hours,
                matchAll,
                conditions.stream()
                        .map(c -> new Condition(
                                c.field().strip(),
                                c.op().strip(),
                                c.value() == null ? null : c.value().strip()))
                        .toList(),
                actions.stream()
                        .map(a -> new AutomationAction(
                                a.type().strip(),
                                a.value() == null ? null : a.value().strip()))
                        .toList(),
                createdAt,
                now);
    }

    private void checkConditions(List<Condition> conditions, Map<String, String> errors) {
        if (conditions.size() > MAX_ITEMS) {
            errors.put("conditions", "at most " + MAX_ITEMS);
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            var c = conditions.get(i);
            String at = "conditions[" + i + "]";
            if (c == null
                    || c.field() == null
                    || !Conditions.knownField(c.field().strip())) {
                errors.put(
                        at + ".field",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        Conditions.FIELDS.stream().sorted().toList())
                                + ", custom.<key>, customer.<key>, customer.custom.<key> or calendar.<id>");
            } else if (c.field().strip().startsWith("calendar.")
                    && !calendars.exists(c.field().strip().substring("calendar.".length()))) {
                errors.put(at + ".field", "calendar.<id> must name a business calendar of the SLA settings");
            } else if (c.op() == null || !Conditions.OPS.contains(c.op().strip())) {
                errors.put(at + ".op", "must be one of is, is_not, contains, not_contains");
            } else if (c.value() != null && c.value().length() > MAX_VALUE) {
                errors.put(at + ".value", "must be at most " + MAX_VALUE + " characters long");
            } else if (c.value() != null && !StorableText.isStorable(c.value())) {
                errors.put(at + ".value", "holds a character Casekeeper cannot keep");
            }
        }
    }

    private void checkActions(List<AutomationAction> actions, Map<String, String> errors) {
        if (actions.isEmpty()) {
            errors.put("actions", "name at least one action");
            return;
        }
        if (actions.size() > MAX_ITEMS) {
            errors.put("actions", "at most " + MAX_ITEMS);
            return;
        }
        for (int i = 0; i < actions.size(); i++) {
            var a = actions.get(i);
            String at = "actions[" + i + "]";
            if (a == null || a.type() == null || !ACTIONS.contains(a.type().strip())) {
                errors.put(
                        at + ".type",
                        "must be one of "
                                + String.join(", ", ACTIONS.stream().sorted().toList()));
                continue;
            }
            var problem =
                    problem(a.type().strip(), a.value() == null ? "" : a.value().strip());
            if (problem != null) {
                errors.put(at + ".value", problem);
            }
        }
    }

    /** What is wrong with an action's value, or null. */
    private @Nullable String problem(String type, String value) {
        try {
            switch (type) {
                case "set_status" -> {
                    if (!statuses().contains(value)) {
                        return "must be one of " + String.join(", ", statuses());
                    }
                }
                case "set_priority" -> Priority.from(value);
                case "add_tags", "remove_tags" -> {
                    if (AutomationActions.tags(value).isEmpty()) {
                        return "name at least one tag";
                    }
                    CaseAutomation.tags(AutomationActions.tags(value));
                }
                case "assign_team" -> agents.findTeam(new TeamId(UUID.fromString(value)));
                case "assign_agent" -> agents.find(new AgentId(UUID.fromString(value)));
                case "add_note" -> {
                    if (value.isEmpty() || value.length() > MAX_VALUE) {
                        return "must be a text of 1 to " + MAX_VALUE + " characters";
                    }
                }
                case "notify" -> {
                    if (!NOTIFY.contains(value)) {
                        return "must be owner, team or supervisors";
                    }
                }
                case "call_webhook" -> webhooks.find(UUID.fromString(value));
                case EmailAction.TYPE -> {
                    return email.problem(value);
                }
                case "run_action" -> {
                    ProposeAction proposal;
                    try {
                        proposal = AutomationActions.proposal(value, null);
                    } catch (IllegalArgumentException e) {
                        return "must be an action's id, then ; amount=… and ; key=value for its fields";
                    }
                    var refusal = resolutions.refusal(proposal);
                    if (refusal.isPresent()) {
                        return refusal.get();
                    }
                }
                case "set_field" -> {
                    String key = AutomationActions.field(value).getKey();
                    if (fields.list(FieldSubject.CASE).stream()
                            .noneMatch(f -> f.apiKey().equals(key))) {
                        return "must be key=value with the API key of a custom field of cases";
                    }
                }
                default -> {}
            }
        } catch (InvalidInputException e) {
            return e.fieldErrors().values().iterator().next();
        } catch (IllegalArgumentException e) {
            return switch (type) {
                case "set_priority" -> "must be one of low, normal, high, urgent";
                case "assign_team" -> "must be a team's id";
                case "call_webhook" -> "must be a webhook's id";
                default -> "must be an agent's id";
            };
        } catch (NotFoundException e) {
            return switch (type) {
                case "assign_team" -> "no team has this id";
                case "call_webhook" -> "no webhook has this id";
                default -> "no agent has this id";
            };
        }
        return null;
    }

    /** The events a trigger may react to, by name. */
    public static List<String> events() {
        return java.util.Arrays.stream(TriggerEvent.values())
                .map(TriggerEvent::value)
                .toList();
    }

    /** The statuses an automation may set or wait in (a closed case is final). */
    public static List<String> statuses() {
        return java.util.Arrays.stream(CaseStatus.values())
                .filter(s -> s != CaseStatus.CLOSED)
                .map(CaseStatus::value)
                .toList();
    }
}
