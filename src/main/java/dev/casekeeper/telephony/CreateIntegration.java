package dev.casekeeper.telephony;

import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * Adds a phone integration.
 *
 * @param kind {@code signed} (Casekeeper's webhook) or {@code twilio}
 * @param secret for Twilio, the account's Auth Token; null for {@code signed}, whose secret Casekeeper makes
 */
public record CreateIntegration(
        String name, String kind, TeamId teamId, @Nullable String secret) {}
