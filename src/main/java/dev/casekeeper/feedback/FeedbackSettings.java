package dev.casekeeper.feedback;

import dev.casekeeper.cases.Priority;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer feedback (docs/configuration.md).
 *
 * @param ratingChangePeriod how long after their first answer a customer may change a rating
 * @param complaintPriority the priority a complaint case opens with
 * @param complaintTag the tag every complaint case carries, which the complaint SLA policy matches
 */
@ConfigurationProperties("casekeeper.feedback")
record FeedbackSettings(
        @DefaultValue("7d") Duration ratingChangePeriod,
        @DefaultValue("high") Priority complaintPriority,
        @DefaultValue("complaint") String complaintTag) {}
