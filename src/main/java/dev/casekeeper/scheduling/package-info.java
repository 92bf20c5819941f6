/**
 * Durable timers for every module: db-scheduler on PostgreSQL, its table and its clock. A module
 * declares its tasks as beans and schedules them through db-scheduler's {@code SchedulerClient};
 * a restart or a second node neither loses nor doubles an execution.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.casekeeper.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
