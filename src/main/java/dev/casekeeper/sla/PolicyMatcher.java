package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseCustomValues;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.customers.CustomerCustomValues;
import dev.casekeeper.fields.CustomerFieldManagement;
import dev.casekeeper.fields.FieldManagement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the policy for a case: the first, in position order, whose conditions all match (custom
 * field conditions are checked last, against the case's and its customer's stored values). Policies and
 * calendars are kept in memory with the version they were read at; every match reads the version row
 * (one primary-key lookup, in the caller's transaction; a refresh of a case's clocks reads it with
 * the case's SLA row) and reads them again only when a change on any node has moved it on
 * (migration {@code sla/V2}).
 */
@Component
class PolicyMatcher {

    /** The policy that applies and the calendar its time counts in. */
    record Match(SlaPolicy policy, SlaCalendar calendar, BusinessCalendar businessCalendar) {}

    /** The policies in the order they are tried, and each with its calendar, as of one version. */
    private record Snapshot(long version, List<SlaPolicy> policies, Map<UUID, Match> matches) {}

    private final PolicyQueries policies;
    private final CalendarQueries calendars;
    private final FieldManagement fields;
    private final CaseCustomValues caseValues;
    private final CustomerFieldManagement customerFields;
    private final CustomerCustomValues customerValues;
    private final JdbcClient jdbc;
    private volatile @Nullable Snapshot snapshot;

    PolicyMatcher(
            PolicyQueries policies,
            CalendarQueries calendars,
            FieldManagement fields,
            CaseCustomValues caseValues,
            CustomerFieldManagement customerFields,
            CustomerCustomValues customerValues,
            JdbcClient jdbc) {
        this.policies = policies;
        this.calendars = calendars;
        this.fields = fields;
        this.caseValues = caseValues;
        this.customerFields = customerFields;
        this.customerValues = customerValues;
        this.jdbc = jdbc;
    }

    Optional<Match> match(CaseSummary kase) {
        return match(
                kase,
                jdbc.sql("select version from sla.config_version")
                        .query(Long.class)
                        .single());
    }

    /** {@link #match(CaseSummary)} when the caller has read the policies' version already, in its transaction. */
    Optional<Match> match(CaseSummary kase, long version) {
        var current = current(version);
        return current.policies().stream()
                .filter(policy -> matches(policy.conditions(), kase)
                        && holdsCustomFields(policy.conditions(), kase)
                        && customerHoldsFields(policy.conditions(), kase))
                .findFirst()
                .map(policy -> current.matches().get(policy.id().value()));
    }

    private Snapshot current(long version) {
        var kept = snapshot;
        if (kept != null && kept.version() == version) {
            return kept;
        }
        var byId = calendars.list().stream().collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
        var listed = policies.list().stream()
                .filter(p -> byId.containsKey(p.calendarId().value()))
                .toList();
        var matches = listed.stream().collect(Collectors.toMap(p -> p.id().value(), p -> {
            var calendar = byId.get(p.calendarId().value());
            return new Match(p, calendar, BusinessCalendar.of(calendar));
        }));
        var read = new Snapshot(version, listed, matches);
        snapshot = read;
        return read;
    }

    static boolean matches(PolicyConditions when, CaseSummary kase) {
        return anyOrContains(when.priorities(), kase.priority())
                && (when.teamIds().isEmpty()
                        || (kase.teamId() != null && when.teamIds().contains(kase.teamId())))
                && anyOrContains(when.channels(), kase.channel())
                && (when.caseTags().isEmpty() || when.caseTags().stream().anyMatch(kase.tags()::contains))
                // Cases do not carry customer tags or a mailbox yet: a policy that asks for them matches none.
                && when.customerTags().isEmpty()
                && when.mailboxes().isEmpty();
    }

    /**
     * Whether the case holds the policy's custom field values, read as the fields are now (fields
     * change without the policies' version moving): a field removed, or a value it no longer allows,
     * matches no case rather than every case.
     */
    private boolean holdsCustomFields(PolicyConditions when, CaseSummary kase) {
        if (when.customFields().isEmpty()) {
            return true;
        }
        return fields.caseFilterIfValid(when.customFields())
                .filter(wanted -> !wanted.isEmpty())
                .map(wanted -> caseValues.contain(kase.id(), wanted))
                .orElse(false);
    }

    /** Whether the case's customer holds the policy's customer field values, read like {@link #holdsCustomFields}. */
    private boolean customerHoldsFields(PolicyConditions when, CaseSummary kase) {
        if (when.customerFields().isEmpty()) {
            return true;
        }
        return customerFields
                .filterIfValid(when.customerFields())
                .filter(wanted -> !wanted.isEmpty())
                .map(wanted -> customerValues.contain(kase.requesterId(), wanted))
                .orElse(false);
    }

    private static <T> boolean anyOrContains(List<T> allowed, T value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
