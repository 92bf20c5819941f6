/**
 * The case: one customer problem with one accountable owner, its timeline of messages, notes and
 * events across channels, its status, priority and tags, and the history of every change.
 */
@ApplicationModule(allowedDependencies = {"agents", "audit", "customers", "events", "shared"})
@NullMarked
package dev.casekeeper.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
