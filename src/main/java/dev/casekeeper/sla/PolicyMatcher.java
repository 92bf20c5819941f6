package dev.casekeeper.sla;

import dev.casekeeper.cases.CaseSummary;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the policy for a case: the first, in position order, whose conditions all match. */
@Component
class PolicyMatcher {

    /** The policy that applies and the calendar its time counts in. */
    record Match(SlaPolicy policy, SlaCalendar calendar) {

        BusinessCalendar businessCalendar() {
            return BusinessCalendar.of(calendar);
        }
    }

    private final PolicyQueries policies;
    private final CalendarQueries calendars;

    PolicyMatcher(PolicyQueries policies, CalendarQueries calendars) {
        this.policies = policies;
        this.calendars = calendars;
    }

    Optional<Match> match(CaseSummary kase) {
        return policies.list().stream()
                .filter(policy -> matches(policy.conditions(), kase))
                .findFirst()
                .flatMap(policy -> calendars.find(policy.calendarId().value()).map(calendar -> new Match(policy, calendar)));
    }

    static boolean matches(PolicyConditions when, CaseSummary kase) {
        return anyOrContains(when.priorities(), kase.priority())
                && (when.teamIds().isEmpty() || (kase.teamId() != null && when.teamIds().contains(kase.teamId())))
                && anyOrContains(when.channels(), kase.channel())
                && (when.caseTags().isEmpty() || when.caseTags().stream().anyMatch(kase.tags()::contains))
                // Cases do not carry customer tags or a mailbox yet: a policy that asks for them matches none.
                && when.customerTags().isEmpty()
                && when.mailboxes().isEmpty();
    }

    private static <T> boolean anyOrContains(List<T> allowed, T value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
