/**
 * Canned responses (macros): named reply texts, managed by admins, with placeholders filled from
 * the case, its customer and the agent when an agent inserts one into a reply.
 */
@ApplicationModule(allowedDependencies = {"agents", "cases", "customers", "shared"})
@NullMarked
package dev.casekeeper.macros;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
