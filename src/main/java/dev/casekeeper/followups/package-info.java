/**
 * Promises and follow-ups: dated promises owned by the case's owner, reminders and overdue
 * alerts, no solving while one is open, check-ins after solving, and repeat contacts.
 */
@ApplicationModule(
        allowedDependencies = {
            "agents",
            "callbacks",
            "cases",
            "cases :: events",
            "customers",
            "events",
            "notifications",
            "shared",
            "sla"
        })
@NullMarked
package dev.casekeeper.followups;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
