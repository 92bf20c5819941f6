/**
 * The chat channel: the embeddable widget ({@code /widget.js}), its WebSocket sessions with
 * numbered, acknowledged messages, the agent's chat panel, and the chats' transcripts. A message is
 * acknowledged only after it is committed as a case timeline entry; frames cross nodes on the
 * cluster bus ({@link dev.casekeeper.bus.ClusterBus}).
 */
@ApplicationModule(
        displayName = "Chat channel",
        allowedDependencies = {
            "agents",
            "bus",
            "callbacks",
            "cases",
            "cases :: events",
            "channels.email",
            "customers",
            "routing",
            "routing :: events",
            "shared"
        })
@NullMarked
package dev.casekeeper.channels.chat;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
