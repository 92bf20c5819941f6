package dev.casekeeper.assist.rest;

import dev.casekeeper.assist.Closing;
import dev.casekeeper.assist.CoachingFinding;
import dev.casekeeper.assist.CoachingReport;
import dev.casekeeper.assist.FrustrationScore;
import dev.casekeeper.assist.FrustrationTrend;
import dev.casekeeper.assist.HeatedCase;
import dev.casekeeper.assist.NextSteps;
import dev.casekeeper.assist.Reason;
import dev.casekeeper.assist.ReplySuggestions;
import dev.casekeeper.assist.ReplyTemplate;
import dev.casekeeper.assist.Span;
import dev.casekeeper.assist.SupervisorAlert;
import dev.casekeeper.assist.ToneCheck;
import dev.casekeeper.assist.ToneFinding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON the assist API answers with. */
final class AssistResponses {

    private AssistResponses() {}

    record FrustrationResponse(
            int score,
            String level,
            boolean supervisorRequested,
            String language,
            List<String> signals,
            List<Reason> reasons) {
        static @Nullable FrustrationResponse of(@Nullable FrustrationScore s) {
            return s == null
                    ? null
                    : new FrustrationResponse(
                            s.score(),
                            s.level().value(),
                            s.supervisorRequested(),
                            s.language(),
                            s.signals(),
                            s.reasons());
        }
    }

    record FindingResponse(
            String kind,
            Span span,
            String words,
            String message,
            String suggestion,
            @Nullable String replacement) {
        static FindingResponse of(ToneFinding f) {
            return new FindingResponse(
                    f.kind(), f.span(), f.span().text(), f.message(), f.suggestion(), f.replacement());
        }
    }

    record ToneResponse(boolean clean, @Nullable String customerLevel, List<FindingResponse> findings) {
        static ToneResponse of(ToneCheck check) {
            return new ToneResponse(
                    check.clean(),
                    check.customerLevel() == null ? null : check.customerLevel().value(),
                    check.findings().stream().map(FindingResponse::of).toList());
        }
    }

    record MessageScoreResponse(UUID entryId, Instant at, FrustrationResponse frustration) {}

    record TrendResponse(
            UUID caseId,
            boolean heated,
            @Nullable Instant heatedAt,
            @Nullable FrustrationResponse latest,
            List<MessageScoreResponse> messages) {
        static TrendResponse of(FrustrationTrend trend) {
            return new TrendResponse(
                    trend.caseId().value(),
                    trend.heated(),
                    trend.heatedAt(),
                    FrustrationResponse.of(trend.latest()),
                    trend.messages().stream()
                            .map(m -> new MessageScoreResponse(m.entryId(), m.at(), FrustrationResponse.of(m.score())))
                            .toList());
        }
    }

    record HeatedCaseResponse(
            UUID caseId, UUID entryId, int score, boolean supervisorRequested, List<String> signals, Instant heatedAt) {
        static HeatedCaseResponse of(HeatedCase h) {
            return new HeatedCaseResponse(
                    h.caseId().value(), h.entryId(), h.score(), h.supervisorRequested(), h.signals(), h.heatedAt());
        }
    }

    record AlertResponse(
            UUID id,
            UUID caseId,
            UUID entryId,
            int score,
            boolean supervisorRequested,
            List<String> signals,
            Instant createdAt,
            @Nullable Instant acknowledgedAt) {
        static AlertResponse of(SupervisorAlert a) {
            return new AlertResponse(
                    a.id(),
                    a.caseId().value(),
                    a.entryId(),
                    a.score(),
                    a.supervisorRequested(),
                    a.signals(),
                    a.createdAt(),
                    a.acknowledgedAt());
        }
    }

    record CoachingFindingResponse(UUID caseId, UUID entryId, FindingResponse finding, Instant at) {
        static CoachingFindingResponse of(CoachingFinding f) {
            return new CoachingFindingResponse(
                    f.caseId().value(), f.entryId(), FindingResponse.of(f.finding()), f.at());
        }
    }

    record CoachingResponse(
            UUID agentId,
            int checkedReplies,
            Map<String, Integer> counts,
            List<CoachingFindingResponse> items,
            @Nullable String nextCursor) {
        static CoachingResponse of(CoachingReport r) {
            return new CoachingResponse(
                    r.agentId().value(),
                    r.checkedReplies(),
                    r.counts(),
                    r.items().stream().map(CoachingFindingResponse::of).toList(),
                    r.nextCursor());
        }
    }

    record TemplatesResponse(
            boolean offered, @Nullable FrustrationResponse lastCustomerMessage, List<ReplyTemplate> templates) {
        static TemplatesResponse of(ReplySuggestions s) {
            return new TemplatesResponse(s.offered(), FrustrationResponse.of(s.lastCustomerMessage()), s.templates());
        }
    }

    record ClosingResponse(
            @Nullable UUID id,
            UUID caseId,
            UUID agentId,
            NextSteps nextSteps,
            String farewell,
            String message,
            @Nullable UUID entryId,
            @Nullable String status,
            Instant at) {
        static ClosingResponse of(Closing c) {
            return new ClosingResponse(
                    c.id(),
                    c.caseId().value(),
                    c.agentId().value(),
                    c.nextSteps(),
                    c.farewell(),
                    c.message(),
                    c.entryId(),
                    c.status() == null ? null : c.status().value(),
                    c.at());
        }
    }

    record HandedOverResponse(
            UUID caseId, @Nullable UUID ownerId, @Nullable UUID teamId, String reason, String summary) {}
}
