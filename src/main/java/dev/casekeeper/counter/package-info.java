/**
 * The walk-in counter: admin-defined locations and visit reasons (each mapped to a team and skills),
 * a kiosk where walk-ins take numbered tickets, a public display board updated live, and the desk
 * where agents call the next ticket. Every ticket is a case on the {@code COUNTER} channel and a
 * routing contact, so waits, handle times and transfers count as for every other channel.
 */
@ApplicationModule(
        displayName = "Walk-in counter",
        allowedDependencies = {
            "agents",
            "bus",
            "cases",
            "channels",
            "customers",
            "ratelimits",
            "routing",
            "routing :: events",
            "shared"
        })
@NullMarked
package dev.casekeeper.counter;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
