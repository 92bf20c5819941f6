/**
 * Customers and their identities (emails, phones), the fields they declare about themselves, and
 * the rule that makes those fields theirs: an agent cannot overwrite what a customer declared.
 */
@ApplicationModule(allowedDependencies = {"agents", "audit", "shared"})
@NullMarked
package dev.casekeeper.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
