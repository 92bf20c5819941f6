package dev.casekeeper.reports;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.reports.QaModel.Comment;
import dev.casekeeper.reports.QaModel.Criterion;
import dev.casekeeper.reports.QaModel.CriterionScore;
import dev.casekeeper.reports.QaModel.NewReview;
import dev.casekeeper.reports.QaModel.Review;
import dev.casekeeper.reports.QaModel.SampleCase;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quality reviews, the rubric, the review sample and the practice scorecard (docs/api.md, "Coaching"). */
@RestController
class QaRestController {

    private static final int LIST_LIMIT = 200;

    record RubricBody(@Nullable List<Criterion> criteria) {}

    record ReviewBody(
            @Nullable UUID caseId,
            @Nullable Map<String, Integer> scores,
            @Nullable String summary,
            @Nullable List<Comment> comments) {}

    record AcknowledgementBody(@Nullable String note) {}

    record ReviewResponse(
            UUID id,
            UUID caseId,
            long caseNumber,
            UUID agentId,
            @Nullable UUID teamId,
            UUID reviewerId,
            double score,
            String summary,
            Instant createdAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgement,
            List<CriterionScore> scores,
            List<Comment> comments) {

        static ReviewResponse of(Review r) {
            return new ReviewResponse(
                    r.id(),
                    r.caseId().value(),
                    r.caseNumber(),
                    r.agentId().value(),
                    r.teamId() == null ? null : r.teamId().value(),
                    r.reviewerId().value(),
                    r.score(),
                    r.summary(),
                    r.createdAt(),
                    r.acknowledgedAt(),
                    r.acknowledgement(),
                    r.scores(),
                    r.comments());
        }
    }

    record SampleResponse(UUID caseId, long number, UUID agentId, LocalDate solvedDay) {

        static SampleResponse of(SampleCase s) {
            return new SampleResponse(
                    s.caseId().value(), s.number(), s.agentId().value(), s.solvedDay());
        }
    }

    private final QaReviews reviews;
    private final QaScorecards scorecards;
    private final CoachingTrends trends;
    private final CoachingTrendCsv trendCsv;

    QaRestController(QaReviews reviews, QaScorecards scorecards, CoachingTrends trends, CoachingTrendCsv trendCsv) {
        this.reviews = reviews;
        this.scorecards = scorecards;
        this.trends = trends;
        this.trendCsv = trendCsv;
    }

    /**
     * The practice scorecard per week or month: an agent's (by default the caller's) or a team's
     * agents' together (its supervisors and admins).
     */
    @GetMapping("/api/v1/qa/trend")
    CoachingTrends.CoachingTrend trend(CoachingTrends.TrendRequest request, @AuthenticationPrincipal SignedInAgent me) {
        return trends.trend(request, me);
    }

    /** The same trend as CSV, one row per period; recorded as an export. */
    @GetMapping(path = "/api/v1/qa/trend/csv", produces = "text/csv")
    ResponseEntity<String> trendCsv(CoachingTrends.TrendRequest request, @AuthenticationPrincipal SignedInAgent me) {
        var trend = trends.trend(request, me);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + CoachingTrendCsv.fileName(trend) + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(trendCsv.export(trend, me));
    }

    @GetMapping("/api/v1/qa/rubric")
    List<Criterion> rubric() {
        return reviews.rubric();
    }

    @PutMapping("/api/v1/qa/rubric")
    List<Criterion> replaceRubric(@RequestBody RubricBody body, @AuthenticationPrincipal SignedInAgent me) {
        return reviews.replaceRubric(body.criteria(), me);
    }

    @PostMapping("/api/v1/qa/reviews")
    ResponseEntity<ReviewResponse> review(@RequestBody ReviewBody body, @AuthenticationPrincipal SignedInAgent me) {
        if (!me.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins review cases");
        }
        if (body.caseId() == null) {
            throw new InvalidInputException("caseId", "is required");
        }
        var review = reviews.review(
                new CaseId(body.caseId()), new NewReview(body.scores(), body.summary(), body.comments()), me);
        return ResponseEntity.created(URI.create("/api/v1/qa/reviews/" + review.id()))
                .body(ReviewResponse.of(review));
    }

    @GetMapping("/api/v1/qa/reviews")
    List<ReviewResponse> reviews(
            @RequestParam(required = false) @Nullable UUID agent,
            @RequestParam(required = false) @Nullable UUID team,
            @AuthenticationPrincipal SignedInAgent me) {
        return reviews.list(agent, team, me, LIST_LIMIT).stream()
                .map(ReviewResponse::of)
                .toList();
    }

    @GetMapping("/api/v1/qa/reviews/{id}")
    ReviewResponse review(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me) {
        return ReviewResponse.of(reviews.find(id, me));
    }

    @PostMapping("/api/v1/qa/reviews/{id}/acknowledgement")
    ReviewResponse acknowledge(
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable AcknowledgementBody body,
            @AuthenticationPrincipal SignedInAgent me) {
        return ReviewResponse.of(reviews.acknowledge(id, body == null ? null : body.note(), me));
    }

    @GetMapping("/api/v1/qa/sample")
    List<SampleResponse> sample(
            @RequestParam(required = false) @Nullable UUID team, @AuthenticationPrincipal SignedInAgent me) {
        if (!me.role().seesAllTeams()) {
            throw new AccessDeniedException("The review sample is for supervisors and admins");
        }
        if (team == null) {
            throw new InvalidInputException("team", "is required");
        }
        return reviews.sample(new TeamId(team), me).stream()
                .map(SampleResponse::of)
                .toList();
    }

    @GetMapping("/api/v1/qa/scorecards")
    List<QaScorecards.Scorecard> scorecards(
            @RequestParam(required = false) @Nullable UUID agent,
            @RequestParam(required = false) @Nullable UUID team,
            @AuthenticationPrincipal SignedInAgent me) {
        if (team != null) {
            return scorecards.ofTeam(new TeamId(team), me);
        }
        return List.of(scorecards.of(agent == null ? null : new AgentId(agent), me));
    }
}
