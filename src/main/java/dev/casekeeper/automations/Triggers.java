package dev.casekeeper.automations;

import dev.casekeeper.assist.CaseHeated;
import dev.casekeeper.cases.CaseAutomation;
import dev.casekeeper.cases.CaseCustomValues;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseOpened;
import dev.casekeeper.cases.CustomFieldsChanged;
import dev.casekeeper.cases.MessageReceived;
import dev.casekeeper.cases.PriorityChanged;
import dev.casekeeper.cases.ReplyPosted;
import dev.casekeeper.cases.StatusChanged;
import dev.casekeeper.cases.TagsChanged;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.events.Reactions;
import dev.casekeeper.feedback.FeedbackGiven;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.sla.SlaBreached;
import dev.casekeeper.sla.SlaWarned;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs the enabled triggers of each change of a case inside the transaction that made it (ADR 0015),
 * so the change and what its triggers did commit together. A change no trigger reacts to costs
 * nothing but a look at the {@link TriggerCache}. A trigger does not react to its own change, and
 * at most {@link AutomationSettings#maxRunsPerCase()} runs follow one change of a case.
 */
@Component
class Triggers {

    private static final Logger log = LoggerFactory.getLogger(Triggers.class);

    private final TriggerCache cache;
    private final AutomationActions actions;
    private final CaseAutomation automation;
    private final CaseLookup lookup;
    private final CaseCustomValues customValues;
    private final CustomerFacts customers;
    private final Calendars calendars;
    private final Reactions reactions;
    private final AutomationSettings settings;

    Triggers(
            TriggerCache cache,
            AutomationActions actions,
            CaseAutomation automation,
            CaseLookup lookup,
            CaseCustomValues customValues,
            CustomerFacts customers,
            Calendars calendars,
            Reactions reactions,
            AutomationSettings settings) {
        this.cache = cache;
        this.actions = actions;
        this.automation = automation;
        this.lookup = lookup;
        this.customValues = customValues;
        this.customers = customers;
        this.calendars = calendars;
        this.reactions = reactions;
        this.settings = settings;
    }

    @EventListener
    void on(CaseOpened event) {
        react(TriggerEvent.CASE_OPENED, event.caseId());
    }

    @EventListener
    void on(MessageReceived event) {
        if (event.statusBefore() != null) { // the first message opened the case: that is CASE_OPENED
            react(TriggerEvent.CUSTOMER_REPLIED, event.caseId());
        }
    }

    /** Not for an automation's own email: no agent replied, and an email trigger on it would answer itself. */
    @EventListener
    void on(ReplyPosted event) {
        if (event.authorId() != null) {
            react(TriggerEvent.AGENT_REPLIED, event.caseId());
        }
    }

    @EventListener
    void on(StatusChanged event) {
        react(TriggerEvent.STATUS_CHANGED, event.caseId());
    }

    @EventListener
    void on(PriorityChanged event) {
        react(TriggerEvent.PRIORITY_CHANGED, event.caseId());
    }

    @EventListener
    void on(TagsChanged event) {
        react(TriggerEvent.TAGS_CHANGED, event.caseId());
    }

    @EventListener
    void on(CustomFieldsChanged event) {
        react(TriggerEvent.CUSTOM_FIELD_CHANGED, event.caseId());
    }

    @EventListener
    void on(SlaWarned event) {
        react(TriggerEvent.SLA_WARNED, event.caseId());
    }

    @EventListener
    void on(SlaBreached event) {
        react(TriggerEvent.SLA_BREACHED, event.caseId());
    }

    @EventListener
    void on(CaseHeated event) {
        react(TriggerEvent.HEATED, event.caseId());
    }

    @EventListener
    void on(FeedbackGiven event) {
        react(TriggerEvent.FEEDBACK_RECEIVED, event.caseId());
    }

    /** Running the triggers failed with the change: again, after the change committed. */
    @ApplicationModuleListener
    void on(TriggersDeferred deferred) {
        TriggerChain.within(chain -> runAll(deferred.event(), deferred.caseId(), chain));
    }

    private void react(TriggerEvent event, CaseId caseId) {
        if (cache.on(event).isEmpty()) {
            return;
        }
        TriggerChain.within(
                chain -> reactions.run(() -> runAll(event, caseId, chain), new TriggersDeferred(event, caseId)));
    }

    private void runAll(TriggerEvent event, CaseId caseId, TriggerChain chain) {
        var cause = chain.cause();
        CaseFacts facts = null;
        for (var trigger : cache.on(event)) {
            if (Objects.equals(trigger.id(), cause)) {
                continue; // its own change
            }
            if (facts == null) { // read once, and again after a trigger changed the case
                var kase = lookup.byId(caseId).orElse(null);
                if (kase == null) {
                    return;
                }
                facts = new CaseFacts(kase, lookup, customValues, customers, calendars);
            }
            if (!Conditions.met(trigger, facts)) {
                continue;
            }
            if (chain.runs(caseId) >= settings.maxRunsPerCase()) {
                if (chain.firstCap(caseId)) {
                    log.warn(
                            "Case {}: trigger {} skipped, {} trigger runs followed one change",
                            caseId,
                            trigger.id(),
                            chain.runs(caseId));
                    automation.record(
                            caseId,
                            new TimelineEvent.AutomationCapped(chain.runs(caseId), trigger.id(), trigger.name()),
                            Actor.SYSTEM);
                }
                return;
            }
            chain.run(trigger.id(), caseId, () -> actions.run(trigger, caseId));
            facts = null;
        }
    }

    /** Triggers of a change that are to run after its transaction committed. */
    record TriggersDeferred(TriggerEvent event, CaseId caseId) {}
}
