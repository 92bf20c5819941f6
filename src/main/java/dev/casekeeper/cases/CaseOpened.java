package dev.casekeeper.cases;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.customers.CustomerId;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A new case was opened. {@code withCustomerMessage}: a {@link MessageReceived} for its first message
 * is published with it (not for automatic mail), so a listener that reacts to both need react once.
 * {@code teamId} is the team it was opened for, if any, so a listener that only cares about cases of a
 * team need not be called (nor read the case) for the others.
 */
@NamedInterface("events")
public record CaseOpened(
        CaseId caseId,
        long number,
        CustomerId requesterId,
        Channel channel,
        boolean withCustomerMessage,
        @Nullable TeamId teamId) {}
