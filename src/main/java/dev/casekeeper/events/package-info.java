/**
 * How the modules' event listeners run: the threads that run them after the publishing transaction
 * commits, and how the event publication registry stores the events. Nothing here knows a module;
 * modules publish events and declare {@code @ApplicationModuleListener}s as usual (ADR 0013).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.casekeeper.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
