/**
 * Live updates for open workspaces: case changes and presence pushed to browsers over
 * Server-Sent Events, carried between nodes on the cluster bus ({@link dev.casekeeper.bus.ClusterBus}).
 */
@ApplicationModule(
        allowedDependencies = {
            "agents",
            "agents :: events",
            "bus",
            "cases",
            "cases :: events",
            "notifications :: events",
            "routing :: events"
        })
@NullMarked
package dev.casekeeper.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
