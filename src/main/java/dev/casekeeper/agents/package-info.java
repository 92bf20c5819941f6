/** Agents, their roles and teams, sign-in credentials and API tokens. */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package dev.casekeeper.agents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
