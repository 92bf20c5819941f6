package dev.casekeeper.feedback;

import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/**
 * A customer rated, complimented or complained about the service on a case (for reports, which
 * count them from the case's timeline).
 */
@NamedInterface("events")
public record FeedbackGiven(CaseId caseId) {}
