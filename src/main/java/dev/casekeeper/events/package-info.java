/**
 * How the modules' event listeners run: the threads that run them after the publishing transaction
 * commits, how the event publication registry stores the events, and {@link dev.casekeeper.events.Reactions},
 * which runs a reaction inside the publishing transaction with a durable fallback. Nothing here
 * knows a module; modules publish events and declare their listeners as usual (ADR 0013, ADR 0015).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.casekeeper.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
