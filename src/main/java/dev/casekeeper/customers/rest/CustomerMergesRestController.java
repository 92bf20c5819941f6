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

    record MergeReasonRequest(@Size(max = 2000) @Nullable String reason) {}

    record StepResponse(
            String action,
            String actorKind,
            @Nullable UUID actorId,
            @Nullable String reason,
            Instant at) {}

    record CustomerMergeResponse(
            UUID id,
            UUID sourceId,
            UUID targetId,
            String state,
            @Nullable String note,
            @Nullable UUID proposedBy,
            Instant proposedAt,
            Instant updatedAt,
            List<StepResponse> trail) {
        static CustomerMergeResponse of(Merge m) {
            return new CustomerMergeResponse(
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
    ResponseEntity<CustomerMergeResponse> propose(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody ProposeRequest request) {
        var merge = merges.propose(
                new CustomerId(request.sourceId()), new CustomerId(request.targetId()), request.note(), me.actor());
        return ResponseEntity.created(URI.create("/api/v1/customer-merges/" + merge.id()))
                .body(CustomerMergeResponse.of(merge));
    }

    @GetMapping("/api/v1/customer-merges")
    List<CustomerMergeResponse> list(@RequestParam(required = false) @Nullable String state) {
        Merge.State wanted = null;
        if (state != null) {
            try {
                wanted = Merge.State.from(state);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("state", "must be proposed, completed, declined or undone");
            }
        }
        return merges.list(wanted).stream().map(CustomerMergeResponse::of).toList();
    }

    @GetMapping("/api/v1/customer-merges/{id}")
    CustomerMergeResponse find(@PathVariable UUID id) {
        return CustomerMergeResponse.of(merges.find(new MergeId(id)));
    }

    @GetMapping("/api/v1/customers/{id}/merges")
    List<CustomerMergeResponse> ofCustomer(@PathVariable UUID id) {
        return merges.ofCustomer(new CustomerId(id)).stream()
                .map(CustomerMergeResponse::of)
                .toList();
    }

    @PostMapping("/api/v1/customer-merges/{id}/confirmation")
    CustomerMergeResponse confirm(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody MergeReasonRequest request) {
        return CustomerMergeResponse.of(merges.confirm(new MergeId(id), reason(request), me.actor()));
    }

    @PostMapping("/api/v1/customer-merges/{id}/decline")
    CustomerMergeResponse decline(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody MergeReasonRequest request) {
        return CustomerMergeResponse.of(merges.decline(new MergeId(id), request.reason(), me.actor()));
    }

    @PostMapping("/api/v1/customer-merges/{id}/undo")
    CustomerMergeResponse undo(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody MergeReasonRequest request) {
        return CustomerMergeResponse.of(merges.undo(new MergeId(id), reason(request), me.actor()));
    }

    private static String reason(MergeReasonRequest request) {
        return request.reason() == null ? "" : request.reason();
    }
}
