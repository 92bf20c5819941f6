/**
 * Service levels: business calendars, SLA policies and the clocks they start on each case (first
 * response, next response, resolution), durable warning and breach timers, unowned-case alerts.
 */
@ApplicationModule(
        allowedDependencies = {
            "agents",
            "cases",
            "cases :: events",
            "customers",
            "events",
            "fields",
            "notifications",
            "shared"
        })
@NullMarked
package dev.casekeeper.sla;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
