package dev.casekeeper.cases;

import dev.casekeeper.agents.TeamId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Opens a case for a requester identified by email (a new customer when the email is unknown),
 * with the customer's first message.
 */
public record OpenCase(
        String subject,
        String requesterEmail,
        @Nullable String requesterName,
        String body,
        @Nullable String html,
        Channel channel,
        Priority priority,
        List<String> tags,
        @Nullable TeamId teamId) {}
