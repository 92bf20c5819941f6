/**
 * What agents are told in the workspace: SLA warnings and breaches, unowned cases, promises coming
 * due, a case handed to them; each agent's inbox, read and unread.
 */
@ApplicationModule(allowedDependencies = {"agents", "cases", "cases :: events", "shared"})
@NullMarked
package dev.casekeeper.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
