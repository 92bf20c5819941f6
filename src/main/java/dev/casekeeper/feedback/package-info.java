/**
 * What customers say about the service: a rating of each solve of a case (good, okay or bad, with a
 * comment), compliments that reach the agent and their supervisors and stay on the agent's profile,
 * and complaints that open a complaint case of their own, owned by a supervisor.
 */
@ApplicationModule(
        allowedDependencies = {"agents", "cases", "cases :: events", "customers", "notifications", "shared", "sla"})
@NullMarked
package dev.casekeeper.feedback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
