package dev.casekeeper.cases;

import dev.casekeeper.customers.CustomerId;

/**
 * A new case was opened. {@code withCustomerMessage}: a {@link MessageReceived} for its first message
 * is published with it (not for automatic mail), so a listener that reacts to both need react once.
 */
public record CaseOpened(CaseId caseId, long number, CustomerId requesterId, Channel channel, boolean withCustomerMessage) {}
