/**
 * Automations: triggers that react to a change of a case (opened, a customer or agent reply, a new
 * status, priority, tags or custom field, an SLA warning or breach, a heated message, feedback) and,
 * when their conditions hold, change the case in the same transaction; time-based automations that
 * act once on cases that have been in a status for a while; dry-runs of both. Their actions change
 * the case, notify, call webhooks, run resolution actions and email the customer from a template.
 */
@ApplicationModule(
        displayName = "Automations",
        allowedDependencies = {
            "actions",
            "agents",
            "assist :: events",
            "bus",
            "cases",
            "cases :: events",
            "customers",
            "events",
            "feedback :: events",
            "fields",
            "macros",
            "notifications",
            "shared",
            "sla",
            "sla :: events",
            "webhooks"
        })
@NullMarked
package dev.casekeeper.automations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
