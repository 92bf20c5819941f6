package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/**
 * An agent marked a case as spam, in the transaction that publishes this. With {@code blockSender},
 * the channel the case came by blocks its sender in the same transaction.
 */
@NamedInterface("events")
public record CaseMarkedSpam(CaseId caseId, CustomerId requesterId, boolean blockSender, AgentId by) {}
