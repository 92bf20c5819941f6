package dev.casekeeper.channels.email;

import java.time.Instant;
import java.util.UUID;

/** A sender whose mail opens no case: {@code kind} is {@code address} or {@code domain}. */
public record BlockedSender(UUID id, String kind, String value, Instant createdAt) {}
