package dev.casekeeper.notifications;

import dev.casekeeper.agents.AgentId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One thing an agent was told, about a case or not; unread until they mark it read. */
public record Notification(
        UUID id,
        AgentId recipientId,
        String kind,
        @Nullable UUID caseId,
        String text,
        Instant createdAt,
        @Nullable Instant readAt) {}
