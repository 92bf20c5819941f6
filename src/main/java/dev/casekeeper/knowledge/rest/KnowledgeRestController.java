package dev.casekeeper.knowledge.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.knowledge.Article;
import dev.casekeeper.knowledge.ArticleId;
import dev.casekeeper.knowledge.ArticleState;
import dev.casekeeper.knowledge.ArticleStats;
import dev.casekeeper.knowledge.CaseKnowledge;
import dev.casekeeper.knowledge.KnowledgeManagement;
import dev.casekeeper.knowledge.Revision;
import dev.casekeeper.knowledge.RevisionDiff;
import dev.casekeeper.knowledge.SaveArticle;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base's API: every agent lists, reads, writes and searches articles, sends them to
 * review, sees their history and marks them from a case; supervisors and admins publish them.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeRestController {

    record ArticleRequest(
            @Size(max = 200) @Nullable String title,
            @Size(max = 500) @Nullable String summary,
            @Size(max = 100_000) @Nullable String body,
            @Size(max = 10) @Nullable String locale,
            @Size(max = 100) @Nullable String category,
            @Size(max = 100) @Nullable String section,
            @Size(max = 20) @Nullable List<String> tags,
            @Nullable String visibility,
            @Nullable UUID ownerId,
            @Nullable LocalDate reviewBy,
            @Nullable UUID translationOf) {
        SaveArticle command() {
            return new SaveArticle(
                    title,
                    summary,
                    body,
                    locale,
                    category,
                    section,
                    tags,
                    visibility,
                    ownerId,
                    reviewBy,
                    translationOf);
        }
    }

    record StateRequest(@NotNull String state) {}

    record CaseMarkRequest(
            @NotNull UUID caseId,
            @Size(max = 1_000) @Nullable String note) {}

    record PreviewRequest(@NotNull @Size(max = 100_000) String body) {}

    record PreviewResponse(String html) {}

    record ArticleResponse(
            UUID id,
            long number,
            UUID familyId,
            String locale,
            String title,
            String summary,
            String body,
            String html,
            String category,
            String section,
            List<String> tags,
            String visibility,
            String state,
            UUID ownerId,
            @Nullable LocalDate reviewBy,
            int revision,
            String helpCenterPath,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant publishedAt,
            @Nullable PendingDraftResponse pendingDraft) {
        static ArticleResponse of(Article a, @Nullable Article draft) {
            return new ArticleResponse(
                    a.id().value(),
                    a.number(),
                    a.familyId(),
                    a.locale(),
                    a.title(),
                    a.summary(),
                    a.body(),
                    a.html(),
                    a.category(),
                    a.section(),
                    a.tags(),
                    a.visibility().value(),
                    a.state().value(),
                    a.ownerId(),
                    a.reviewBy(),
                    a.revision(),
                    a.path(),
                    a.createdAt(),
                    a.updatedAt(),
                    a.publishedAt(),
                    draft == null ? null : PendingDraftResponse.of(draft));
        }
    }

    /** The change waiting to be published over a published article. */
    record PendingDraftResponse(
            String title,
            String summary,
            String body,
            String html,
            String category,
            String section,
            List<String> tags,
            String visibility,
            String state,
            UUID ownerId,
            @Nullable LocalDate reviewBy,
            int revision,
            Instant updatedAt) {
        static PendingDraftResponse of(Article d) {
            return new PendingDraftResponse(
                    d.title(),
                    d.summary(),
                    d.body(),
                    d.html(),
                    d.category(),
                    d.section(),
                    d.tags(),
                    d.visibility().value(),
                    d.state().value(),
                    d.ownerId(),
                    d.reviewBy(),
                    d.revision(),
                    d.updatedAt());
        }
    }

    record RevisionResponse(
            int revision, String title, String summary, String body, String state, UUID savedBy, Instant savedAt) {
        static RevisionResponse of(Revision r) {
            return new RevisionResponse(
                    r.number(), r.title(), r.summary(), r.body(), r.state().value(), r.savedBy(), r.savedAt());
        }
    }

    record DiffResponse(int from, int to, String unified) {
        static DiffResponse of(RevisionDiff diff) {
            return new DiffResponse(diff.from(), diff.to(), diff.unified());
        }
    }

    private final KnowledgeManagement knowledge;
    private final CaseKnowledge caseKnowledge;

    KnowledgeRestController(KnowledgeManagement knowledge, CaseKnowledge caseKnowledge) {
        this.knowledge = knowledge;
        this.caseKnowledge = caseKnowledge;
    }

    @GetMapping("/articles")
    List<ArticleResponse> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return responses(knowledge.list(q, state == null ? null : state(state), limit));
    }

    @PostMapping("/articles")
    ResponseEntity<ArticleResponse> create(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody ArticleRequest request) {
        var article = knowledge.create(request.command(), me);
        return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + article.id()))
                .body(response(article));
    }

    @GetMapping("/articles/{id}")
    ArticleResponse find(@PathVariable UUID id) {
        return response(knowledge.find(new ArticleId(id)));
    }

    @PatchMapping("/articles/{id}")
    ArticleResponse change(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ArticleRequest request) {
        if (request.translationOf() != null) {
            throw new InvalidInputException("translationOf", "is set when a translation is written, not changed");
        }
        return response(knowledge.change(new ArticleId(id), request.command(), me));
    }

    /** Moves the article to {@code draft}, {@code review} or {@code published}. */
    @PostMapping("/articles/{id}/state")
    ArticleResponse move(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody StateRequest request) {
        return response(knowledge.moveTo(new ArticleId(id), state(request.state()), me));
    }

    /**
     * Moves the pending draft of a published article to {@code draft} or {@code review}, or publishes
     * it ({@code published}) in the place of the published text.
     */
    @PostMapping("/articles/{id}/draft/state")
    ArticleResponse moveDraft(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody StateRequest request) {
        return response(knowledge.moveDraft(new ArticleId(id), state(request.state()), me));
    }

    /** Throws the pending draft away; the published article stays as it is. */
    @DeleteMapping("/articles/{id}/draft")
    ResponseEntity<Void> discardDraft(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        knowledge.discardDraft(new ArticleId(id), me);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/articles/{id}/translations")
    List<ArticleResponse> translations(@PathVariable UUID id) {
        return responses(knowledge.translations(new ArticleId(id)));
    }

    @GetMapping("/articles/{id}/revisions")
    List<RevisionResponse> revisions(@PathVariable UUID id) {
        return knowledge.revisions(new ArticleId(id)).stream()
                .map(RevisionResponse::of)
                .toList();
    }

    @GetMapping("/articles/{id}/diff")
    DiffResponse diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        return DiffResponse.of(knowledge.diff(new ArticleId(id), from, to));
    }

    @GetMapping("/articles/{id}/stats")
    ArticleStats stats(@PathVariable UUID id) {
        return knowledge.stats(new ArticleId(id));
    }

    /** The article helped solve the case: recorded on the case's timeline (once). */
    @PostMapping("/articles/{id}/helped")
    ResponseEntity<Void> helped(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody CaseMarkRequest request) {
        caseKnowledge.markHelped(new ArticleId(id), new CaseId(request.caseId()), me);
        return ResponseEntity.noContent().build();
    }

    /** The article is out of date, as a case showed: its owner is told. */
    @PostMapping("/articles/{id}/outdated")
    ResponseEntity<Void> outdated(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody CaseMarkRequest request) {
        caseKnowledge.flagOutdated(new ArticleId(id), new CaseId(request.caseId()), request.note(), me);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/preview")
    PreviewResponse preview(@Valid @RequestBody PreviewRequest request) {
        return new PreviewResponse(knowledge.preview(request.body()));
    }

    private ArticleResponse response(Article article) {
        return ArticleResponse.of(article, knowledge.pendingDraft(article.id()).orElse(null));
    }

    private List<ArticleResponse> responses(List<Article> articles) {
        var drafts = knowledge.pendingDrafts(articles);
        return articles.stream()
                .map(a -> ArticleResponse.of(a, drafts.get(a.id())))
                .toList();
    }

    private static ArticleState state(String value) {
        try {
            return ArticleState.from(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "must be draft, review or published");
        }
    }
}
