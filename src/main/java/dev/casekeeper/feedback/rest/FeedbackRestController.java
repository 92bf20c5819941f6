package dev.casekeeper.feedback.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.feedback.Complaint;
import dev.casekeeper.feedback.Compliment;
import dev.casekeeper.feedback.FeedbackManagement;
import dev.casekeeper.feedback.Rating;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What customers said about the service: a case's ratings, compliments and complaints for whoever may
 * see the case; an agent's compliments for every agent.
 */
@RestController
class FeedbackRestController {

    record RatingResponse(
            UUID id,
            Instant solvedAt,
            String score,
            @Nullable String comment,
            String source,
            @Nullable UUID ownerId,
            @Nullable UUID teamId,
            Instant ratedAt,
            Instant updatedAt,
            Instant changeableUntil) {

        static RatingResponse of(Rating r) {
            return new RatingResponse(
                    r.id(),
                    r.solvedAt(),
                    r.score().value(),
                    r.comment(),
                    r.source().value(),
                    r.ownerId() == null ? null : r.ownerId().value(),
                    r.teamId() == null ? null : r.teamId().value(),
                    r.createdAt(),
                    r.updatedAt(),
                    r.changeableUntil());
        }
    }

    record ComplimentResponse(
            UUID id, UUID caseId, long caseNumber, @Nullable UUID agentId, String text, Instant createdAt) {

        static ComplimentResponse of(Compliment c) {
            return new ComplimentResponse(
                    c.id(),
                    c.caseId().value(),
                    c.caseNumber(),
                    c.agentId() == null ? null : c.agentId().value(),
                    c.text(),
                    c.createdAt());
        }
    }

    record ComplaintResponse(
            UUID id,
            UUID caseId,
            long caseNumber,
            UUID complaintCaseId,
            long complaintCaseNumber,
            @Nullable UUID agentId,
            @Nullable UUID supervisorId,
            String text,
            Instant createdAt) {

        static ComplaintResponse of(Complaint c) {
            return new ComplaintResponse(
                    c.id(),
                    c.caseId().value(),
                    c.caseNumber(),
                    c.complaintCaseId().value(),
                    c.complaintCaseNumber(),
                    c.agentId() == null ? null : c.agentId().value(),
                    c.supervisorId() == null ? null : c.supervisorId().value(),
                    c.text(),
                    c.createdAt());
        }
    }

    /** A case's feedback: its ratings (newest solve first), compliments and complaints (oldest first). */
    record SatisfactionResponse(
            UUID caseId,
            List<RatingResponse> ratings,
            List<ComplimentResponse> compliments,
            List<ComplaintResponse> complaints) {}

    record ComplimentsResponse(UUID agentId, List<ComplimentResponse> compliments) {}

    private final FeedbackManagement feedback;

    FeedbackRestController(FeedbackManagement feedback) {
        this.feedback = feedback;
    }

    /** The customer's ratings of the case's solves, and the compliments and complaints made on it. */
    @GetMapping("/api/v1/cases/{id}/satisfaction")
    SatisfactionResponse satisfaction(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var caseId = new CaseId(id);
        var ratings = feedback.ratings(caseId, me);
        return new SatisfactionResponse(
                id,
                ratings.stream().map(RatingResponse::of).toList(),
                feedback.complimentsOn(caseId).stream()
                        .map(ComplimentResponse::of)
                        .toList(),
                feedback.complaints(caseId).stream().map(ComplaintResponse::of).toList());
    }

    /** The compliments customers made for the agent, newest first: every agent may read them. */
    @GetMapping("/api/v1/agents/{id}/compliments")
    ComplimentsResponse compliments(@PathVariable UUID id) {
        return new ComplimentsResponse(
                id,
                feedback.compliments(new AgentId(id)).stream()
                        .map(ComplimentResponse::of)
                        .toList());
    }
}
