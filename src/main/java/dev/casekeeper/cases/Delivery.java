package dev.casekeeper.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The delivery of an outgoing message as its channel last reported it; {@code detail} says why it failed or waits. */
public record Delivery(DeliveryState state, @Nullable String detail, Instant at) {}
