/**
 * Routing: agents' presence, capacity per channel and skills; contacts waiting in team queues;
 * offers to the longest-idle qualified agent, claimed through PostgreSQL row locks so several nodes
 * never offer one contact twice or fill an agent past capacity; offer expiry, overflow, abandonment
 * with callbacks, queue positions and wait estimates.
 */
@ApplicationModule(
        allowedDependencies = {
            "agents",
            "agents :: events",
            "assist :: events",
            "callbacks",
            "callbacks :: events",
            "cases",
            "cases :: events",
            "customers",
            "notifications",
            "shared"
        })
@NullMarked
package dev.casekeeper.routing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
