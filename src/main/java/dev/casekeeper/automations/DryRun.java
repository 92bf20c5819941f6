package dev.casekeeper.automations;

import dev.casekeeper.cases.CaseSummary;
import java.util.List;
import java.util.UUID;

/**
 * The cases an automation would act on now: for a trigger, those of the {@code looked} most recently
 * changed open cases that meet its conditions (what its event would find); for a time-based one, every
 * case due now that it has not acted on yet.
 */
public record DryRun(UUID automationId, int looked, List<Match> cases) {

    /** A case that would be acted on. */
    public record Match(UUID caseId, long number, String subject, String status, String priority) {

        static Match of(CaseSummary kase) {
            return new Match(
                    kase.id().value(),
                    kase.number(),
                    kase.subject(),
                    kase.status().value(),
                    kase.priority().value());
        }
    }
}
