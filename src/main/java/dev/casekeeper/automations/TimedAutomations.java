package dev.casekeeper.automations;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.casekeeper.cases.CaseAutomation;
import dev.casekeeper.cases.CaseCustomValues;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time-based automations: a durable recurring job (db-scheduler: one node at a time, caught up after
 * a stop) that, every {@link AutomationSettings#interval()}, acts on each case that has been in an
 * enabled automation's status for its hours and meets its conditions. Each case is acted on once per
 * automation for each stretch in that status: the record of it is written in the transaction of the
 * actions (under the case's row lock), so neither a second node nor a restart acts twice, and a case
 * that leaves the status and comes back is due again.
 */
@Component
class TimedAutomations {

    private static final Logger log = LoggerFactory.getLogger(TimedAutomations.class);
    private static final int BATCH = 200;

    private final AutomationQueries automations;
    private final AutomationActions actions;
    private final CaseAutomation cases;
    private final CaseLookup lookup;
    private final CaseCustomValues customValues;
    private final CustomerFacts customers;
    private final Calendars calendars;
    private final TransactionTemplate transactions;
    private final AutomationSettings settings;
    private final Clock clock;

    TimedAutomations(
            AutomationQueries automations,
            AutomationActions actions,
            CaseAutomation cases,
            CaseLookup lookup,
            CaseCustomValues customValues,
            CustomerFacts customers,
            Calendars calendars,
            TransactionTemplate transactions,
            AutomationSettings settings,
            Clock clock) {
        this.automations = automations;
        this.actions = actions;
        this.cases = cases;
        this.lookup = lookup;
        this.customValues = customValues;
        this.customers = customers;
        this.calendars = calendars;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> timedAutomationsTask() {
        return Tasks.recurring("timed-automations", FixedDelay.of(settings.interval()))
                .execute((instance, context) -> runDue());
    }

    /** One pass over every enabled time-based automation; answers how many cases were acted on. */
    int runDue() {
        Instant now = clock.instant();
        int acted = 0;
        for (var automation : automations.enabled(Automation.Kind.TIMED)) {
            acted += run(automation, now);
        }
        if (acted > 0) {
            log.info("Time-based automations acted on {} case(s)", acted);
        }
        return acted;
    }

    private int run(Automation automation, Instant now) {
        var status = CaseStatus.from(Objects.requireNonNull(automation.status()));
        var before = now.minus(Duration.ofHours(Objects.requireNonNull(automation.hours())));
        var seen = new HashSet<UUID>();
        int acted = 0;
        List<CaseAutomation.InStatus> due;
        do {
            due = cases.inStatusSince(status, before, seen, BATCH);
            for (var in : due) {
                seen.add(in.caseId().value());
                try {
                    if (Boolean.TRUE.equals(transactions.execute(tx -> act(automation, in, now)))) {
                        acted++;
                    }
                } catch (RuntimeException e) {
                    // One case that fails must not hold the others back; the next pass tries it again.
                    log.warn("Case {}: automation {} failed", in.caseId(), automation.id(), e);
                }
            }
        } while (due.size() == BATCH);
        return acted;
    }

    /** Acts on the case unless it was acted on for this stretch; all or nothing with the record. */
    private boolean act(Automation automation, CaseAutomation.InStatus in, Instant now) {
        var kase = lookup.byId(in.caseId()).orElse(null);
        if (kase == null
                || automations.hasRun(automation.id(), in.caseId().value(), in.since())
                || !Conditions.met(automation, new CaseFacts(kase, lookup, customValues, customers, calendars))) {
            return false;
        }
        if (!automations.ran(automation.id(), in.caseId().value(), in.since(), now)) {
            return false;
        }
        actions.run(automation, in.caseId());
        return true;
    }
}
