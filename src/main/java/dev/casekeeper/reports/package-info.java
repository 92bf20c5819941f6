/**
 * Reports: the desk's own performance from the events the product records (daily facts of cases,
 * contacts and timeline moments, written with the changes they count), the report pages, API and CSV exports, the
 * team wallboard, each agent's own figures, the silent-dissatisfied estimate, and coaching: quality reviews against
 * the practices and the practice scorecard.
 */
@ApplicationModule(
        allowedDependencies = {
            "agents",
            "assist",
            "assist :: events",
            "audit",
            "callbacks :: events",
            "cases",
            "cases :: events",
            "customers",
            "events",
            "feedback",
            "feedback :: events",
            "fields",
            "routing",
            "routing :: events",
            "shared",
            "sla",
            "sla :: events"
        })
@NullMarked
package dev.casekeeper.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
