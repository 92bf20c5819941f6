package dev.casekeeper.followups.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.followups.Followup;
import dev.casekeeper.followups.FollowupId;
import dev.casekeeper.followups.FollowupManagement;
import dev.casekeeper.followups.RecordPromise;
import dev.casekeeper.followups.RepeatContact;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Promises and check-ins: "My follow-ups", a case's follow-ups, recording, keeping and withdrawing promises. */
@RestController
class FollowupsRestController {

    record PromiseBody(
            @NotBlank @Size(max = 500) String text, @NotNull Instant dueAt) {}

    record KeepBody(@NotBlank @Size(max = 2000) String note) {}

    record WithdrawBody(@NotBlank @Size(max = 2000) String reason) {}

    record FollowupResponse(
            UUID id,
            UUID caseId,
            long caseNumber,
            String caseSubject,
            String kind,
            @Nullable UUID ownerId,
            String text,
            Instant dueAt,
            String state,
            boolean overdue,
            @Nullable String note,
            @Nullable String reason,
            @Nullable UUID createdBy,
            Instant createdAt,
            @Nullable UUID closedBy,
            @Nullable Instant closedAt) {

        static FollowupResponse of(Followup f) {
            return new FollowupResponse(
                    f.id().value(),
                    f.caseId().value(),
                    f.caseNumber(),
                    f.caseSubject(),
                    f.kind().value(),
                    f.ownerId() == null ? null : f.ownerId().value(),
                    f.text(),
                    f.dueAt(),
                    f.state().value(),
                    f.overdueAt() != null,
                    f.state() == Followup.State.KEPT ? f.outcome() : null,
                    f.state() == Followup.State.WITHDRAWN ? f.outcome() : null,
                    f.createdBy() == null ? null : f.createdBy().value(),
                    f.createdAt(),
                    f.closedBy() == null ? null : f.closedBy().value(),
                    f.closedAt());
        }
    }

    /** An earlier case of another team, which the caller may not open, is only said to exist: no id, number or solver, the day it was solved. */
    record RepeatContactResponse(
            @Nullable UUID earlierCaseId,
            @Nullable Long earlierNumber,
            Instant earlierSolvedAt,
            @Nullable UUID solvedBy,
            boolean byAnotherTeam,
            Instant detectedAt) {

        static RepeatContactResponse of(RepeatContact r) {
            return new RepeatContactResponse(
                    r.earlierCaseId() == null ? null : r.earlierCaseId().value(),
                    r.earlierNumber(),
                    r.earlierSolvedAt(),
                    r.solvedBy() == null ? null : r.solvedBy().value(),
                    r.byAnotherTeam(),
                    r.detectedAt());
        }
    }

    record CaseFollowupsResponse(
            List<FollowupResponse> followups, boolean repeatContact, List<RepeatContactResponse> repeats) {}

    record FollowupPage(
            List<FollowupResponse> items, @Nullable String nextCursor) {}

    private final FollowupManagement followups;

    FollowupsRestController(FollowupManagement followups) {
        this.followups = followups;
    }

    @GetMapping("/api/v1/followups")
    FollowupPage list(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(defaultValue = "open") String state,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        Followup.State wanted;
        try {
            wanted = state.equals("all") ? null : Followup.State.from(state.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "'" + state + "' is not open, kept, withdrawn or all");
        }
        var page = followups.ofOwner(ownerId == null ? null : new AgentId(ownerId), wanted, me, cursor, limit);
        return new FollowupPage(page.items().stream().map(FollowupResponse::of).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/cases/{id}/followups")
    CaseFollowupsResponse ofCase(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var found = followups.ofCase(new CaseId(id), me);
        return new CaseFollowupsResponse(
                found.followups().stream().map(FollowupResponse::of).toList(),
                !found.repeatContacts().isEmpty(),
                found.repeatContacts().stream().map(RepeatContactResponse::of).toList());
    }

    @PostMapping("/api/v1/cases/{id}/promises")
    ResponseEntity<FollowupResponse> promise(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody PromiseBody body) {
        var recorded = FollowupResponse.of(
                followups.recordPromise(new CaseId(id), new RecordPromise(body.text(), body.dueAt()), me));
        return ResponseEntity.created(URI.create("/api/v1/followups?state=all")).body(recorded);
    }

    @PostMapping("/api/v1/followups/{id}/keep")
    FollowupResponse keep(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody KeepBody body) {
        return FollowupResponse.of(followups.keep(new FollowupId(id), body.note(), me));
    }

    @PostMapping("/api/v1/followups/{id}/withdraw")
    FollowupResponse withdraw(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody WithdrawBody body) {
        return FollowupResponse.of(followups.withdraw(new FollowupId(id), body.reason(), me));
    }
}
