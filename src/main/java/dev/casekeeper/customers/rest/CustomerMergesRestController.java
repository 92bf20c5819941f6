package dev.casekeeper.customers.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.Merge;
import dev.casekeeper.customers.MergeId;
import dev.casekeeper.customers.MergeManagement;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
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

/**
 * Merges of two customer records: any agent proposes or declines one; supervisors confirm it (with
 * a reason) or undo it (with a reason). The customer can also complete it in the portal.
 */
@RestController
class CustomerMergesRestController {

    record ProposeRequest(
            @NotNull UUID sourceId,
            @NotNull UUID targetId,
            @Size(max = 2000) @Nullable String note) {}

    record ReasonRequest(@Size(max = 2000) @Nullable String reason) {}

    record StepResponse(
            String action,
            String actorKind,
            @Nullable UUID actorId,
            @Nullable String reason,
            Instant at) {}

    record MergeResponse(
            UUID id,
            UUID sourceId,
            UUID targetId,
            String state,
            @Nullable String note,
            @Nullable UUID proposedBy,
            Instant proposedAt,
            Instant updatedAt,
            List<StepResponse> trail) {
        static MergeResponse of(Merge m) {
            return new MergeResponse(
                    m.id().value(),
                    m.source().value(),
                    m.target().value(),
                    m.state().value(),
                    m.note(),
                    m.proposedBy(),
                    m.proposedAt(),
                    m.updatedAt(),
                    m.trail().stream()
                            .map(s -> new StepResponse(
                                    s.action().value(),
                                    s.actor().kind().value(),
                                    s.actor().id(),
                                    s.reason(),
                                    s.at()))
                            .toList());
        }
    }

    private final MergeManagement merges;

    CustomerMergesRestController(MergeManagement merges) {
        this.merges = merges;
    }

    @PostMapping("/api/v1/customer-merges")
    ResponseEntity<MergeResponse> propose(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody ProposeRequest request) {
        var merge = merges.propose(
                new CustomerId(request.sourceId()), new CustomerId(request.targetId()), request.note(), me.actor());
        return ResponseEntity.created(URI.create("/api/v1/customer-merges/" + merge.id()))
                .body(MergeResponse.of(merge));
    }

    @GetMapping("/api/v1/customer-merges")
    List<MergeResponse> list(@RequestParam(required = false) @Nullable String state) {
        Merge.State wanted = null;
        if (state != null) {
            try {
                wanted = Merge.State.from(state);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("state", "must be proposed, completed, declined or undone");
            }
        }
        return merges.list(wanted).stream().map(MergeResponse::of).toList();
    }

    @GetMapping("/api/v1/customer-merges/{id}")
    MergeResponse find(@PathVariable UUID id) {
        return MergeResponse.of(merges.find(new MergeId(id)));
    }

    @GetMapping("/api/v1/customers/{id}/merges")
    List<MergeResponse> ofCustomer(@PathVariable UUID id) {
        return merges.ofCustomer(new CustomerId(id)).stream()
                .map(MergeResponse::of)
                .toList();
    }

    @PostMapping("/api/v1/customer-merges/{id}/confirmation")
    MergeResponse confirm(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ReasonRequest request) {
        return MergeResponse.of(merges.confirm(new MergeId(id), reason(request), me.actor()));
    }

    @PostMapping("/api/v1/customer-merges/{id}/decline")
    MergeResponse decline(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ReasonRequest request) {
        return MergeResponse.of(merges.decline(new MergeId(id), request.reason(), me.actor()));
    }

    @PostMapping("/api/v1/customer-merges/{id}/undo")
    MergeResponse undo(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ReasonRequest request) {
        return MergeResponse.of(merges.undo(new MergeId(id), reason(request), me.actor()));
    }

    private static String reason(ReasonRequest request) {
        return request.reason() == null ? "" : request.reason();
    }
}
