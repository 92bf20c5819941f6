/**
 * Resolution actions: what a case can do for its customer (a refund, a replacement, store credit, a
 * re-issued licence key, a waived fee, a technician's visit, or an admin's own kind), each with its
 * fields and approval limits per role. An agent proposes one on a case; within their limit it runs at
 * once, above it a supervisor of the case's team or an admin approves or declines it with a reason.
 * Running it calls the company's system through a signed, retried outbox (the webhooks' signing and
 * back-off), or it is done by hand; its outcome is offered to the reply as next steps, and an open
 * action keeps the case from being solved.
 */
@ApplicationModule(
        displayName = "Resolution actions",
        allowedDependencies = {"agents", "audit", "bus", "cases", "notifications", "shared", "webhooks"})
@NullMarked
package dev.casekeeper.actions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
