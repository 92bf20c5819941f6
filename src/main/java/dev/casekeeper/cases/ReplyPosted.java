package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An agent replied to the customer; channels deliver it. {@code channel} is the case's;
 * {@code emailTo} is an address the agent chose to send this reply to by email instead (a chat
 * customer who left gave it), which the email channel delivers whatever the case's channel.
 * {@code authorId} is null when Casekeeper sent the reply on its own (an automation, see
 * {@link AutomatedReply}): no agent answered, so nothing that waits for an agent's answer counts it.
 */
@NamedInterface("events")
public record ReplyPosted(
        CaseId caseId,
        UUID entryId,
        @Nullable AgentId authorId,
        Channel channel,
        @Nullable String emailTo) {

    public ReplyPosted(CaseId caseId, UUID entryId, AgentId authorId, Channel channel) {
        this(caseId, entryId, authorId, channel, null);
    }
}
