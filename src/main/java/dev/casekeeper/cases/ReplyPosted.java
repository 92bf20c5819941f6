package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import java.util.UUID;

/** An agent replied to the customer; channels deliver it. */
public record ReplyPosted(CaseId caseId, UUID entryId, AgentId authorId, Channel channel) {}
