package dev.casekeeper.cases.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLink;
import dev.casekeeper.cases.CaseMerge;
import dev.casekeeper.cases.CaseRelations;
import dev.casekeeper.cases.LinkedReplies;
import dev.casekeeper.cases.MergeCases;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Merging a duplicate into another case, linking a problem to its incidents, and undoing either. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseRelationsRestController {

    record Merge(
            @NotNull UUID targetId,
            @Size(max = 200_000) @Nullable String message) {}

    record Link(@NotNull UUID childId) {}

    record LinkedReply(
            @NotBlank @Size(max = 200_000) String body,
            @Nullable Boolean solve) {}

    record MergeResponse(
            UUID id,
            UUID sourceId,
            long sourceNumber,
            UUID targetId,
            long targetNumber,
            Instant mergedAt,
            @Nullable Instant undoneAt,
            @Nullable Instant undoableUntil) {

        static MergeResponse of(CaseMerge m) {
            return new MergeResponse(
                    m.id(),
                    m.sourceId().value(),
                    m.sourceNumber(),
                    m.targetId().value(),
                    m.targetNumber(),
                    m.mergedAt(),
                    m.undoneAt(),
                    m.undoableUntil());
        }
    }

    record LinkResponse(
            UUID id,
            UUID parentId,
            long parentNumber,
            UUID childId,
            long childNumber,
            Instant linkedAt,
            @Nullable Instant unlinkedAt,
            @Nullable Instant undoableUntil) {

        static LinkResponse of(CaseLink l) {
            return new LinkResponse(
                    l.id(),
                    l.parentId().value(),
                    l.parentNumber(),
                    l.childId().value(),
                    l.childNumber(),
                    l.linkedAt(),
                    l.unlinkedAt(),
                    l.undoableUntil());
        }
    }

    record RelationsResponse(List<MergeResponse> merges, List<LinkResponse> links) {}

    record LinkedReplyResult(
            UUID caseId,
            long number,
            boolean replied,
            boolean solved,
            @Nullable Refusal refusal) {}

    record Refusal(String code, String detail) {}

    private final CaseRelations relations;
    private final LinkedReplies linkedReplies;

    CaseRelationsRestController(CaseRelations relations, LinkedReplies linkedReplies) {
        this.relations = relations;
        this.linkedReplies = linkedReplies;
    }

    @GetMapping("/relations")
    RelationsResponse relations(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var view = relations.of(new CaseId(id), me);
        return new RelationsResponse(
                view.merges().stream().map(MergeResponse::of).toList(),
                view.links().stream().map(LinkResponse::of).toList());
    }

    @PostMapping("/merge")
    @ResponseStatus(HttpStatus.CREATED)
    MergeResponse merge(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody Merge request) {
        return MergeResponse.of(
                relations.merge(new MergeCases(new CaseId(id), new CaseId(request.targetId()), request.message()), me));
    }

    @DeleteMapping("/merge")
    MergeResponse undoMerge(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return MergeResponse.of(relations.undoMerge(new CaseId(id), me));
    }

    @PostMapping("/links")
    @ResponseStatus(HttpStatus.CREATED)
    LinkResponse link(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody Link request) {
        return LinkResponse.of(relations.link(new CaseId(id), new CaseId(request.childId()), me));
    }

    @DeleteMapping("/links/{linkId}")
    LinkResponse unlink(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @PathVariable UUID linkId) {
        return LinkResponse.of(relations.unlink(new CaseId(id), linkId, me));
    }

    @PostMapping("/linked-replies")
    List<LinkedReplyResult> replyToLinked(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody LinkedReply request) {
        return linkedReplies.send(new CaseId(id), request.body(), Boolean.TRUE.equals(request.solve()), me).stream()
                .map(r -> new LinkedReplyResult(
                        r.caseId().value(),
                        r.number(),
                        r.replied(),
                        r.solved(),
                        r.refusalCode() == null ? null : new Refusal(r.refusalCode(), r.refusalDetail())))
                .toList();
    }
}
