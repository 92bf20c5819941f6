package dev.casekeeper.counter;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A walk-in's ticket. While it waits, {@code position} (1 is next for its reason) and
 * {@code estimatedWait}; {@code desk} and {@code agentId} once called.
 */
public record Ticket(
        TicketId id,
        LocationId locationId,
        ReasonId reasonId,
        String number,
        String firstName,
        @Nullable String email,
        @Nullable String phone,
        CustomerId customerId,
        CaseId caseId,
        long caseNumber,
        TicketState state,
        @Nullable String forDesk,
        @Nullable String desk,
        @Nullable AgentId agentId,
        Instant takenAt,
        @Nullable Instant calledAt,
        @Nullable Instant servedAt,
        @Nullable Instant endedAt,
        @Nullable Integer position,
        @Nullable Duration estimatedWait) {}
