/** Runs the embedded PostgreSQL when no external database is configured. */
@NullMarked
package dev.casekeeper.database;

import org.jspecify.annotations.NullMarked;
