package dev.casekeeper.telephony;

import dev.casekeeper.agents.TeamId;
import java.time.Instant;
import java.util.UUID;

/** A phone system that reports calls: its adapter ({@code signed} or {@code twilio}) and the team whose queue its calls wait in. */
public record Integration(UUID id, String name, String kind, TeamId teamId, Instant createdAt) {}
