package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An agent forwarded a message of the case, or the whole case, to a third party; the email channel
 * sends it. The entry is internal (the customer is not told); its {@link Addressed} facts say to whom.
 */
@NamedInterface("events")
public record MessageForwarded(CaseId caseId, UUID entryId, AgentId authorId) {}
