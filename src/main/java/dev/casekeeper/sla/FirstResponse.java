package dev.casekeeper.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * What a new case's customer may be told to expect: the first response as the matched policy sets
 * it, its business-time budget and when it falls due in the policy's calendar.
 */
public record FirstResponse(String policyName, Duration budget, Instant dueAt) {}
