package dev.casekeeper.routing;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact who left before an agent answered, with how long they waited and the callback task, if any. */
public record AbandonedContact(
        ContactId id,
        CaseId caseId,
        RoutedChannel channel,
        TeamId teamId,
        Instant arrivedAt,
        Instant abandonedAt,
        Duration waited,
        @Nullable UUID callbackId,
        @Nullable String callbackEmail,
        @Nullable String callbackPhone) {}
