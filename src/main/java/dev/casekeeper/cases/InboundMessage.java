package dev.casekeeper.cases;

import dev.casekeeper.agents.TeamId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message a channel received, normalized: who sent it, its text (and sanitized-on-store HTML),
 * and the channel's own facts about it (message ids, attachments, parse warnings), which are kept
 * on the timeline entry as its {@code data}. Automatic mail (auto-replies, bounces) is recorded but
 * never reopens a case and publishes no {@link MessageReceived}.
 */
public record InboundMessage(
        String senderEmail,
        @Nullable String senderName,
        String subject,
        String body,
        @Nullable String html,
        Channel channel,
        boolean automatic,
        Map<String, Object> data,
        @Nullable TeamId teamId,
        List<String> tags) {}
