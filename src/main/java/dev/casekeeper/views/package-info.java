/**
 * Saved views: lists agents build from filters (status, priority, team, owner, channel, tags,
 * custom fields, SLA state, heated, waiting time, created and updated ranges), a sort and columns; personal, or shared
 * with a team by a supervisor; shown in the workspace's sidebar with capped, index-driven counts.
 */
@ApplicationModule(allowedDependencies = {"agents", "cases", "fields", "shared"})
@NullMarked
package dev.casekeeper.views;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
