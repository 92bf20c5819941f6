package dev.casekeeper.sla;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.fields.CustomerFieldManagement;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business calendars, SLA policies and the SLA of each case. Admins write calendars and policies;
 * every change has open cases' clocks worked out again.
 */
@Service
@Transactional
public class SlaManagement {

    private final CalendarQueries calendars;
    private final PolicyQueries policies;
    private final PolicyMatcher matcher;
    private final SlaClocks clocks;
    private final CaseLookup cases;
    private final AgentManagement agents;
    private final FieldManagement fields;
    private final CustomerFieldManagement customerFields;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaManagement(
            CalendarQueries calendars,
            PolicyQueries policies,
            PolicyMatcher matcher,
            SlaClocks clocks,
            CaseLookup cases,
            AgentManagement agents,
            FieldManagement fields,
            CustomerFieldManagement customerFields,
            ApplicationEventPublisher events,
            Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.matcher = matcher;
        this.clocks = clocks;
        this.cases = cases;
        this.agents = agents;
        this.fields = fields;
        this.customerFields = customerFields;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SlaCalendar> calendars() {
        return calendars.list();
    }

    @Transactional(readOnly = true)
    public SlaCalendar calendar(CalendarId id) {
        return calendars.find(id.value()).orElseThrow(() -> new NotFoundException("Calendar", id));
    }

    /** Adds a calendar; the name must be new, the zone known, and each day's hours must not overlap. */
    public SlaCalendar createCalendar(SaveCalendar command) {
        CalendarRules.check(command);
        var id = UUID.randomUUID();
        if (!calendars.insert(id, command, clock.instant())) {
            throw calendarNameTaken(command.name());
        }
        return calendar(new CalendarId(id));
    }

    /** Replaces a calendar's name, zone, hours and holidays; open cases counting in it are worked out again. */
    public SlaCalendar replaceCalendar(CalendarId id, SaveCalendar command) {
        calendar(id);
        CalendarRules.check(command);
        if (calendars.nameTakenByOther(command.name(), id.value())) {
            throw calendarNameTaken(command.name());
        }
        calendars.update(id.value(), command, clock.instant());
        changed("calendar " + command.name().strip());
        return calendar(id);
    }

    /** Removes a calendar no policy uses. */
    public void deleteCalendar(CalendarId id) {
        var calendar = calendar(id);
        if (calendars.usedByPolicy(id.value())) {
            throw new ConflictException(
                    "calendar-in-use",
                    "Calendar " + calendar.name() + " is used by a policy; give the policy another calendar first");
        }
        calendars.delete(id.value());
    }

    /** Policies in the order they are tried. */
    @Transactional(readOnly = true)
    public List<SlaPolicy> policies() {
        return policies.list();
    }

    @Transactional(readOnly = true)
    public SlaPolicy policy(PolicyId id) {
        return policies.find(id.value()).orElseThrow(() -> new NotFoundException("Policy", id));
    }

    /** Adds a policy; open cases it now applies to get its targets. */
    public SlaPolicy createPolicy(SavePolicy command) {
        check(command);
        var id = UUID.randomUUID();
        if (!policies.insert(id, command, clock.instant())) {
            throw policyNameTaken(command.name());
        }
        changed("policy " + command.name().strip());
        return policy(new PolicyId(id));
    }

    /** Replaces a policy; open cases are worked out again with it. */
    public SlaPolicy replacePolicy(PolicyId id, SavePolicy command) {
        policy(id);
        check(command);
        if (policies.nameTakenByOther(command.name(), id.value())) {
            throw policyNameTaken(command.name());
        }
        policies.update(id.value(), command, clock.instant());
        changed("policy " + command.name().strip());
        return policy(id);
    }

    public void deletePolicy(PolicyId id) {
        var policy = policy(id);
        policies.delete(id.value());
        changed("policy " + policy.name());
    }

    /** The SLA of a case the viewer may see: each clock, its due time and the business time left. */
    @Transactional(readOnly = true)
    public CaseSla caseSla(CaseId id, SignedInAgent viewer) {
        return clocks.view(cases.find(id, viewer));
    }

    /**
     * The first response the policy that matched the case sets, for telling the customer when to
     * expect an answer (the web form's acknowledgement); empty when no policy applies or the first
     * response is already past (met, or no longer counting). No access check: the caller decides who
     * reads it.
     */
    @Transactional(readOnly = true)
    public Optional<FirstResponse> firstResponse(CaseId id) {
        var sla = clocks.view(cases.detail(id));
        if (sla.policy() == null) {
            return Optional.empty();
        }
        return sla.clocks().stream()
                .filter(c -> c.target() == Target.FIRST_RESPONSE && c.dueAt() != null && c.endedAt() == null)
                .findFirst()
                .map(c -> new FirstResponse(sla.policy().name(), c.budget(), c.dueAt()));
    }

    /**
     * When to check in with the customer after the case was solved at {@code solvedAt}: the opening
     * of the n-th business day after, as the case's policy says; empty when its policy has no check-in.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> checkinAfterSolving(CaseId id, Instant solvedAt) {
        return matcher.match(cases.summary(id))
                .filter(match -> match.policy().checkinAfterBusinessDays() != null)
                .map(match -> match.businessCalendar()
                        .openingOfBusinessDayAfter(solvedAt, match.policy().checkinAfterBusinessDays()));
    }

    /**
     * The close of the {@code days}-th business day after {@code from} in the calendar of the policy
     * that matches the case (what "within 5 working days" means for its team); empty when no policy
     * applies. No access check: the caller has found the case for its viewer.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> closeOfBusinessDayAfter(CaseId id, Instant from, int days) {
        return matcher.match(cases.summary(id))
                .map(match -> match.businessCalendar().closeOfBusinessDayAfter(from, days));
    }

    /**
     * The open time of the calendar of the policy that matches the case as it is now (wall-clock
     * time when none does): what reports measure first response and resolution in, in business
     * hours. No access check: the caller counts cases, it shows none.
     */
    @Transactional(readOnly = true)
    public OpenTime openTimeOf(CaseSummary kase) {
        return matcher.match(kase)
                .<OpenTime>map(match -> match.businessCalendar()::between)
                .orElse(OpenTime.WALL_CLOCK);
    }

    private void check(SavePolicy command) {
        if (command.name().isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (command.position() < 0) {
            throw new InvalidInputException("position", "must be zero or more");
        }
        if (calendars.find(command.calendarId().value()).isEmpty()) {
            throw new InvalidInputException("calendarId", "no calendar has the id " + command.calendarId());
        }
        for (var priority : Priority.values()) {
            var targets = command.targets().get(priority);
            String field = "targets." + priority.value();
            if (targets == null) {
                throw new InvalidInputException(field, "give targets for every priority (low, normal, high, urgent)");
            }
            if (targets.firstResponseMinutes() <= 0) {
                throw new InvalidInputException(
                        field + ".firstResponseMinutes", "must be a positive number of minutes");
            }
            if (targets.nextResponseMinutes() <= 0) {
                throw new InvalidInputException(field + ".nextResponseMinutes", "must be a positive number of minutes");
            }
            if (targets.resolutionMinutes() <= 0) {
                throw new InvalidInputException(field + ".resolutionMinutes", "must be a positive number of minutes");
            }
        }
        var checkin = command.checkinAfterBusinessDays();
        if (checkin != null && (checkin < 1 || checkin > 90)) {
            throw new InvalidInputException(
                    "checkinAfterBusinessDays", "must be between 1 and 90, or left out for no check-in");
        }
        if (!command.conditions().customFields().isEmpty()) {
            try {
                fields.caseFilter(command.conditions().customFields());
            } catch (InvalidInputException e) {
                var named = new java.util.LinkedHashMap<String, String>();
                e.fieldErrors()
                        .forEach((key, message) ->
                                named.put("conditions.customFields." + key.substring(key.indexOf('.') + 1), message));
                throw new InvalidInputException(named);
            }
        }
        if (!command.conditions().customerFields().isEmpty()) {
            try {
                customerFields.filter(command.conditions().customerFields());
            } catch (InvalidInputException e) {
                var named = new java.util.LinkedHashMap<String, String>();
                e.fieldErrors()
                        .forEach((key, message) ->
                                named.put("conditions.customerFields." + key.substring(key.indexOf('.') + 1), message));
                throw new InvalidInputException(named);
            }
        }
        for (var team : command.conditions().teamIds()) {
            if (agents.teams().stream().noneMatch(t -> t.id().equals(team))) {
                throw new InvalidInputException("conditions.teamIds", "no team has the id " + team);
            }
        }
    }

    private void changed(String what) {
        events.publishEvent(new SlaPoliciesChanged(what, clock.instant()));
    }

    private static ConflictException calendarNameTaken(String name) {
        return new ConflictException("calendar-name-taken", "A calendar named " + name.strip() + " already exists");
    }

    private static ConflictException policyNameTaken(String name) {
        return new ConflictException("policy-name-taken", "A policy named " + name.strip() + " already exists");
    }
}
