package dev.casekeeper.reports;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The records of quality reviews against the practices (docs/coaching.md). */
final class QaModel {

    private QaModel() {}

    /** One practice a review scores, with its weight in the review's overall score. */
    record Criterion(String key, String label, String description, int weight) {}

    /** A criterion's score in one review (1 to 5), with the label and weight the criterion had then. */
    record CriterionScore(String criterion, String label, int weight, int score) {}

    /** A reviewer's comment on one entry of the case's timeline. */
    record Comment(UUID entryId, String text) {}

    /** What a reviewer submits: a score per criterion, a summary, comments on timeline entries. */
    record NewReview(
            @Nullable Map<String, Integer> scores,
            @Nullable String summary,
            @Nullable List<Comment> comments) {}

    /** A review of one case and the agent who owned it; the agent acknowledges it once. */
    record Review(
            UUID id,
            CaseId caseId,
            long caseNumber,
            AgentId agentId,
            @Nullable TeamId teamId,
            AgentId reviewerId,
            double score,
            String summary,
            Instant createdAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgement,
            List<CriterionScore> scores,
            List<Comment> comments) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    /** A solved case offered for review: a random few of each agent's solves of the week. */
    record SampleCase(CaseId caseId, long number, AgentId agentId, java.time.LocalDate solvedDay) {}
}
