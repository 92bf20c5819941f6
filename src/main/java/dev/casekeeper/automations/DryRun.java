package dev.casekeeper.automations;

import dev.casekeeper.cases.CaseSummary;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The cases an automation would act on now: for a trigger, those of the {@code looked} most recently
 * changed open cases that meet its conditions (what its event would find); for a time-based one, every
 * case due now that it has not acted on yet.
 */
public record DryRun(UUID automationId, int looked, List<Match> cases) {

    /**
     * A case that would be acted on; {@code email}, the text its {@code send_email} action would send
     * the customer now (null: the automation sends none, or the customer has no email address).
     */
    public record Match(
            UUID caseId,
            long number,
            String subject,
            String status,
            String priority,
            @Nullable String email) {

        static Match of(CaseSummary kase, @Nullable String email) {
            return new Match(
                    kase.id().value(),
                    kase.number(),
                    kase.subject(),
                    kase.status().value(),
                    kase.priority().value(),
                    email);
        }
    }
}
