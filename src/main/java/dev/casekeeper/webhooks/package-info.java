/**
 * Outgoing webhooks: admins subscribe a URL to case events; each event is written to an outbox in
 * the transaction of the change it reports, then delivered signed (HMAC-SHA256 over a timestamp and
 * the body), retried with exponential back-off for a day, logged attempt by attempt, redeliverable
 * by hand, and a subscription that keeps failing is disabled with the admins told.
 */
@ApplicationModule(
        displayName = "Webhooks",
        allowedDependencies = {
            "agents",
            "bus",
            "cases",
            "cases :: events",
            "customers",
            "events",
            "notifications",
            "shared"
        })
@NullMarked
package dev.casekeeper.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
