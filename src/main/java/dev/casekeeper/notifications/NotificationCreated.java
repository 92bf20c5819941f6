package dev.casekeeper.notifications;

import dev.casekeeper.agents.AgentId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** An agent was told something; the workspace pushes it to their open pages. */
@NamedInterface("events")
public record NotificationCreated(
        UUID notificationId,
        AgentId recipientId,
        String kind,
        @Nullable UUID caseId,
        String text) {}
