/**
 * The audit log: who signed in, failed to, or signed out, and every administrative change (agents,
 * roles, API tokens, settings, deletions, erasures, exports, merges, approvals), append-only and
 * searchable by admins. Modules call {@link dev.casekeeper.audit.AuditLog} in the transaction of
 * their change; the agents' own events and Spring Security's sign-in failures are listened to.
 */
@ApplicationModule(allowedDependencies = {"agents", "agents :: events", "shared"})
@NullMarked
package dev.casekeeper.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
