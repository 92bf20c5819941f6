/**
 * The cluster bus: short messages on named topics to every node on the same database, sent once the
 * publishing transaction commits, with a "you may have missed messages" signal after the bus lost
 * its connection. Live pages and chat use it; one PostgreSQL {@code LISTEN/NOTIFY} adapter carries it.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.casekeeper.bus;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
