/**
 * Callbacks: a call back promised to a customer, owned by an agent or by the team's queue until
 * someone takes it, in a time window promised to the customer, warned before it closes and alerted
 * when it passes, done with its outcome; an open callback keeps the case from being solved.
 */
@ApplicationModule(allowedDependencies = {"agents", "cases", "cases :: events", "customers", "notifications", "shared"})
@NullMarked
package dev.casekeeper.callbacks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
