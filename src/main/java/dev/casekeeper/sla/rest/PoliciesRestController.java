package dev.casekeeper.sla.rest;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.sla.CalendarId;
import dev.casekeeper.sla.PolicyConditions;
import dev.casekeeper.sla.PolicyId;
import dev.casekeeper.sla.SavePolicy;
import dev.casekeeper.sla.SlaManagement;
import dev.casekeeper.sla.SlaPolicy;
import dev.casekeeper.sla.Targets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SLA policies: every agent may read them, admins write them. Listed in the order they are tried. */
@RestController
@RequestMapping("/api/v1/sla/policies")
class PoliciesRestController {

    record ConditionsBody(
            @Nullable List<String> priorities,
            @Nullable List<UUID> teamIds,
            @Nullable List<String> channels,
            @Nullable List<String> caseTags,
            @Nullable List<String> customerTags,
            @Nullable List<String> mailboxes,
            @Nullable Map<String, @Nullable String> customFields,
            @Nullable Map<String, @Nullable String> customerFields) {}

    record TargetsBody(
            @Nullable Integer firstResponseMinutes,
            @Nullable Integer nextResponseMinutes,
            @Nullable Integer resolutionMinutes) {}

    record PolicyBody(
            @NotBlank @Size(max = 100) String name,
            @NotNull Integer position,
            @NotNull UUID calendarId,
            @Nullable ConditionsBody conditions,
            @NotNull Map<String, TargetsBody> targets,
            @Nullable Boolean pauseOnHold,
            @Nullable Integer checkinAfterBusinessDays) {}

    record ConditionsResponse(
            List<String> priorities,
            List<UUID> teamIds,
            List<String> channels,
            List<String> caseTags,
            List<String> customerTags,
            List<String> mailboxes,
            Map<String, String> customFields,
            Map<String, String> customerFields) {}

    record PolicyResponse(
            UUID id,
            String name,
            int position,
            UUID calendarId,
            ConditionsResponse conditions,
            Map<String, Targets> targets,
            boolean pauseOnHold,
            @Nullable Integer checkinAfterBusinessDays,
            Instant createdAt,
            Instant updatedAt) {

        static PolicyResponse of(SlaPolicy p) {
            var c = p.conditions();
            var targets = new LinkedHashMap<String, Targets>();
            for (var priority : List.of(Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW)) {
                if (p.targets().containsKey(priority)) {
                    targets.put(priority.value(), p.targets().get(priority));
                }
            }
            return new PolicyResponse(
                    p.id().value(),
                    p.name(),
                    p.position(),
                    p.calendarId().value(),
                    new ConditionsResponse(
                            c.priorities().stream().map(Priority::value).toList(),
                            c.teamIds().stream().map(TeamId::value).toList(),
                            c.channels().stream().map(Channel::value).toList(),
                            c.caseTags(),
                            c.customerTags(),
                            c.mailboxes(),
                            new java.util.TreeMap<>(c.customFields()),
                            new java.util.TreeMap<>(c.customerFields())),
                    targets,
                    p.pauseOnHold(),
                    p.checkinAfterBusinessDays(),
                    p.createdAt(),
                    p.updatedAt());
        }
    }

    private final SlaManagement sla;

    PoliciesRestController(SlaManagement sla) {
        this.sla = sla;
    }

    @GetMapping
    List<PolicyResponse> list() {
        return sla.policies().stream().map(PolicyResponse::of).toList();
    }

    @GetMapping("/{id}")
    PolicyResponse find(@PathVariable UUID id) {
        return PolicyResponse.of(sla.policy(new PolicyId(id)));
    }

    @PostMapping
    ResponseEntity<PolicyResponse> create(@Valid @RequestBody PolicyBody body) {
        var created = PolicyResponse.of(sla.createPolicy(command(body)));
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    PolicyResponse replace(@PathVariable UUID id, @Valid @RequestBody PolicyBody body) {
        return PolicyResponse.of(sla.replacePolicy(new PolicyId(id), command(body)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        sla.deletePolicy(new PolicyId(id));
    }

    private static SavePolicy command(PolicyBody body) {
        var targets = new EnumMap<Priority, Targets>(Priority.class);
        body.targets().forEach((key, value) -> {
            var priority = parse("targets." + key, key, Priority::from);
            if (value == null) {
                throw new InvalidInputException(
                        "targets." + key, "give firstResponseMinutes, nextResponseMinutes and resolutionMinutes");
            }
            targets.put(
                    priority,
                    new Targets(
                            orZero(value.firstResponseMinutes()),
                            orZero(value.nextResponseMinutes()),
                            orZero(value.resolutionMinutes())));
        });
        var c = body.conditions();
        var conditions = c == null
                ? PolicyConditions.ANY
                : new PolicyConditions(
                        list(c.priorities(), "conditions.priorities", Priority::from),
                        c.teamIds() == null
                                ? List.of()
                                : c.teamIds().stream().map(TeamId::new).toList(),
                        list(c.channels(), "conditions.channels", Channel::from),
                        lower(c.caseTags()),
                        lower(c.customerTags()),
                        lower(c.mailboxes()),
                        given(c.customFields()),
                        given(c.customerFields()));
        return new SavePolicy(
                body.name(),
                body.position(),
                new CalendarId(body.calendarId()),
                conditions,
                targets,
                Boolean.TRUE.equals(body.pauseOnHold()),
                body.checkinAfterBusinessDays());
    }

    /** Custom field values by API key; a blank value is no condition. */
    private static Map<String, String> given(@Nullable Map<String, @Nullable String> values) {
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

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }

    private static List<String> lower(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .map(v -> v.strip().toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
    }

    private static <T> List<T> list(@Nullable List<String> values, String field, Function<String, T> parser) {
        var result = new ArrayList<T>();
        if (values != null) {
            for (var value : values) {
                result.add(parse(field, value, parser));
            }
        }
        return result;
    }

    private static <T> T parse(String field, @Nullable String value, Function<String, T> parser) {
        try {
            return parser.apply(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid value here");
        }
    }
}
