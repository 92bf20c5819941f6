/** Runs the embedded PostgreSQL when no external database is configured. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.casekeeper.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
