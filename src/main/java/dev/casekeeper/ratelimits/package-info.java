/**
 * Rate limits every node shares: token buckets per key (a client address, an API token's digest) kept
 * in PostgreSQL by Bucket4j, so a client spread over several nodes by a load balancer gets its
 * allowance once, not once per node. The API, the kiosk and the help center count with it.
 */
@ApplicationModule(
        displayName = "Rate limits",
        allowedDependencies = {})
@NullMarked
package dev.casekeeper.ratelimits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
