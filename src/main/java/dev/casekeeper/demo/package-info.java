/** Demo workspace: with the {@code demo} profile, loads agents, customers and cases drawn from the seed stories. */
@ApplicationModule(
        allowedDependencies = {
            "actions",
            "agents",
            "callbacks",
            "cases",
            "counter",
            "channels",
            "customers",
            "followups",
            "knowledge",
            "macros",
            "shared",
            "telephony"
        })
@NullMarked
package dev.casekeeper.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
