package dev.casekeeper.sla.web;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.sla.CalendarId;
import dev.casekeeper.sla.PolicyConditions;
import dev.casekeeper.sla.SavePolicy;
import dev.casekeeper.sla.SlaPolicy;
import dev.casekeeper.sla.Targets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * An SLA policy as typed. Targets are minutes of business time keyed {@code <priority>-<target>}
 * ({@code urgent-first}, {@code normal-resolution}); tags, customer tags and mailboxes are
 * comma-separated; a blank check-in means none; custom field values are keyed by API key
 * ({@code customFields[plan]}, {@code customerFields[tier]} for the customer's), blank for any.
 */
record PolicyForm(
        @Nullable String name,
        @Nullable String position,
        @Nullable String calendarId,
        @Nullable List<String> priorities,
        @Nullable List<String> teamIds,
        @Nullable List<String> channels,
        @Nullable String caseTags,
        @Nullable String customerTags,
        @Nullable String mailboxes,
        @Nullable Map<String, String> targets,
        @Nullable Boolean pauseOnHold,
        @Nullable String checkinDays,
        @Nullable Map<String, String> customFields,
        @Nullable Map<String, String> customerFields) {

    static final List<String> TARGETS = List.of("first", "next", "resolution");

    PolicyForm {
        // A form posted without the targets still shows its grid, with the errors beside it.
        targets = targets == null ? new LinkedHashMap<>() : targets;
        customFields = customFields == null ? new LinkedHashMap<>() : customFields;
        customerFields = customerFields == null ? new LinkedHashMap<>() : customerFields;
    }

    static PolicyForm empty(@Nullable UUID calendar) {
        var targets = new LinkedHashMap<String, String>();
        for (var p : Priority.values()) {
            targets.put(p.value() + "-first", "480");
            targets.put(p.value() + "-next", "480");
            targets.put(p.value() + "-resolution", "1440");
        }
        return new PolicyForm(
                "",
                "100",
                calendar == null ? "" : calendar.toString(),
                List.of(),
                List.of(),
                List.of(),
                "",
                "",
                "",
                targets,
                false,
                "",
                new LinkedHashMap<>(),
                new LinkedHashMap<>());
    }

    static PolicyForm of(SlaPolicy policy) {
        var targets = new LinkedHashMap<String, String>();
        policy.targets().forEach((priority, t) -> {
            targets.put(priority.value() + "-first", String.valueOf(t.firstResponseMinutes()));
            targets.put(priority.value() + "-next", String.valueOf(t.nextResponseMinutes()));
            targets.put(priority.value() + "-resolution", String.valueOf(t.resolutionMinutes()));
        });
        var c = policy.conditions();
        return new PolicyForm(
                policy.name(),
                String.valueOf(policy.position()),
                policy.calendarId().toString(),
                c.priorities().stream().map(Priority::value).toList(),
                c.teamIds().stream().map(TeamId::toString).toList(),
                c.channels().stream().map(Channel::value).toList(),
                String.join(", ", c.caseTags()),
                String.join(", ", c.customerTags()),
                String.join(", ", c.mailboxes()),
                targets,
                policy.pauseOnHold(),
                policy.checkinAfterBusinessDays() == null ? "" : String.valueOf(policy.checkinAfterBusinessDays()),
                new LinkedHashMap<>(c.customFields()),
                new LinkedHashMap<>(c.customerFields()));
    }

    /** The custom field value a policy asks for, blank for none, for the page. */
    public String customField(String apiKey) {
        var value = customFields == null ? null : customFields.get(apiKey);
        return value == null ? "" : value;
    }

    /** The customer field value a policy asks for, blank for none, for the page. */
    public String customerField(String apiKey) {
        var value = customerFields == null ? null : customerFields.get(apiKey);
        return value == null ? "" : value;
    }

    /** Whether a condition box was ticked, for the page. */
    public boolean has(@Nullable List<String> chosen, String value) {
        return chosen != null && chosen.contains(value);
    }

    /** The command, or null when something typed cannot be read; each such field gets its error. */
    @Nullable
    SavePolicy toCommand(BindingResult errors) {
        if (name == null || name.isBlank()) {
            errors.rejectValue("name", "policies.error.name");
        }
        Integer pos = number(position);
        if (pos == null || pos < 0) {
            errors.rejectValue("position", "policies.error.position");
        }
        UUID calendar = uuid(calendarId);
        if (calendar == null) {
            errors.rejectValue("calendarId", "policies.error.calendar");
        }
        var byPriority = new EnumMap<Priority, Targets>(Priority.class);
        for (var p : Priority.values()) {
            var minutes = new int[3];
            for (int i = 0; i < 3; i++) {
                String key = p.value() + "-" + TARGETS.get(i);
                Integer value = number(targets == null ? null : targets.get(key));
                if (value == null || value <= 0) {
                    errors.rejectValue("targets[" + key + "]", "policies.error.minutes");
                } else {
                    minutes[i] = value;
                }
            }
            byPriority.put(p, new Targets(minutes[0], minutes[1], minutes[2]));
        }
        Integer checkin = null;
        if (checkinDays != null && !checkinDays.isBlank()) {
            checkin = number(checkinDays);
            if (checkin == null || checkin < 1 || checkin > 90) {
                errors.rejectValue("checkinDays", "policies.error.checkin");
            }
        }
        var conditions = new PolicyConditions(
                parse(priorities, Priority::from, "priorities", errors),
                parse(teamIds, v -> new TeamId(UUID.fromString(v)), "teamIds", errors),
                parse(channels, Channel::from, "channels", errors),
                list(caseTags),
                list(customerTags),
                list(mailboxes),
                given(customFields),
                given(customerFields));
        if (errors.hasErrors()) {
            return null;
        }
        return new SavePolicy(
                name, pos, new CalendarId(calendar), conditions, byPriority, Boolean.TRUE.equals(pauseOnHold), checkin);
    }

    private static <T> List<T> parse(
            @Nullable List<String> values, Function<String, T> parser, String field, BindingResult errors) {
        var parsed = new ArrayList<T>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                parsed.add(parser.apply(value));
            } catch (IllegalArgumentException e) {
                errors.rejectValue(field, "form.choice");
                break;
            }
        }
        return parsed;
    }

    /** The custom field values given; a blank one (the page's "any") is no condition. */
    private static Map<String, String> given(@Nullable Map<String, String> values) {
        var given = new LinkedHashMap<String, String>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (value != null && !value.isBlank()) {
                    given.put(key, value.strip());
                }
            });
        }
        return given;
    }

    private static List<String> list(@Nullable String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toList());
    }

    private static @Nullable Integer number(@Nullable String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
