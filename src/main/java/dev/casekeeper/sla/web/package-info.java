/** Pages for service levels: the SLA panel of the case page, and the admin pages for calendars and policies. */
@NullMarked
package dev.casekeeper.sla.web;

import org.jspecify.annotations.NullMarked;
