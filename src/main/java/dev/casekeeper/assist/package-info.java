/**
 * Assist: frustration scores on customer messages, heated cases raised to supervisors, a tone
 * check on agents' replies, reply templates that acknowledge, validate and commit, and the
 * closing with next steps and a farewell.
 */
@ApplicationModule(
        allowedDependencies = {"agents", "cases", "cases :: events", "customers", "events", "notifications", "shared"})
@NullMarked
package dev.casekeeper.assist;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
