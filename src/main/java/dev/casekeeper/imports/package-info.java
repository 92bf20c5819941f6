/**
 * Imports: customers and cases brought over from another desk (Zendesk's JSON exports, or CSV files),
 * run as a durable job that resumes after a crash from its last committed batch, keeps the source's
 * ids so a second run updates instead of duplicating, and reports what it left out and why.
 */
@ApplicationModule(
        displayName = "Imports",
        allowedDependencies = {"agents", "cases", "customers", "fields", "shared"})
@NullMarked
package dev.casekeeper.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
