package dev.casekeeper.notifications;

import dev.casekeeper.agents.AgentId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An agent was told something; the workspace pushes it to their open pages. */
public record NotificationCreated(
        UUID notificationId,
        AgentId recipientId,
        String kind,
        @Nullable UUID caseId,
        String text) {}
