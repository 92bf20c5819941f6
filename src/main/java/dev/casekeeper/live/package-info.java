/**
 * Live updates for open workspaces: case changes and presence pushed to browsers over
 * Server-Sent Events, carried between nodes by PostgreSQL {@code LISTEN/NOTIFY}.
 */
@NullMarked
package dev.casekeeper.live;

import org.jspecify.annotations.NullMarked;
