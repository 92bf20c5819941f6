/** Demo workspace: with the {@code demo} profile, loads agents, customers and cases drawn from the seed stories. */
@ApplicationModule(
        allowedDependencies = {"agents", "cases", "channels", "counter", "customers", "followups", "macros", "shared"})
@NullMarked
package dev.casekeeper.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
