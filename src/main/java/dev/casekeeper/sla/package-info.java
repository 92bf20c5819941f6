/**
 * Service levels: business calendars, SLA policies and the clocks they start on each case (first
 * response, next response, resolution), durable warning and breach timers, unowned-case alerts.
 */
@NullMarked
package dev.casekeeper.sla;

import org.jspecify.annotations.NullMarked;
