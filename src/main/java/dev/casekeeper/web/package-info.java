/** What every request passes through: sign-in, access rules, and errors as problem details. */
@ApplicationModule(allowedDependencies = {"agents", "agents :: events", "cases", "ratelimits", "shared"})
@NullMarked
package dev.casekeeper.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
