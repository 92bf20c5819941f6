package dev.casekeeper.cases;

import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * A case an agent opens by writing to a customer first: the customer by email address (a new
 * customer when it is unknown), the subject, the agent's first message, on a channel that can
 * reach them.
 */
public record OpenOutbound(
        String subject,
        String requesterEmail,
        @Nullable String requesterName,
        String body,
        Channel channel,
        @Nullable TeamId teamId) {}
