package dev.casekeeper.assist;

import java.time.Instant;
import java.util.UUID;

/** The frustration score of one customer message on a case, for the score beside it and the trend. */
public record MessageFrustration(UUID entryId, Instant at, FrustrationScore score) {}
