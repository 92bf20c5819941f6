package dev.casekeeper.customers.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.ErasureManagement;
import dev.casekeeper.customers.ErasureRequest;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers' requests to erase their data: every agent sees the queue; supervisors approve or decline. */
@RestController
@RequestMapping("/api/v1/erasure-requests")
class ErasureRequestsRestController {

    record ReviewRequest(@Size(max = 2000) @Nullable String note) {}

    record ErasureResponse(
            UUID id,
            UUID customerId,
            Instant requestedAt,
            String state,
            @Nullable UUID reviewedBy,
            @Nullable Instant reviewedAt,
            @Nullable String reviewNote,
            Map<String, Integer> outcome) {
        static ErasureResponse of(ErasureRequest r) {
            return new ErasureResponse(
                    r.id(),
                    r.customerId().value(),
                    r.requestedAt(),
                    r.state().value(),
                    r.reviewedBy(),
                    r.reviewedAt(),
                    r.reviewNote(),
                    r.outcome());
        }
    }

    private final ErasureManagement erasures;

    ErasureRequestsRestController(ErasureManagement erasures) {
        this.erasures = erasures;
    }

    @GetMapping
    List<ErasureResponse> list(@RequestParam(required = false) @Nullable String state) {
        ErasureRequest.State wanted = null;
        if (state != null) {
            try {
                wanted = ErasureRequest.State.from(state);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("state", "must be pending, approved or declined");
            }
        }
        return erasures.list(wanted).stream().map(ErasureResponse::of).toList();
    }

    @GetMapping("/{id}")
    ErasureResponse find(@PathVariable UUID id) {
        return ErasureResponse.of(erasures.find(id));
    }

    @PostMapping("/{id}/approval")
    ErasureResponse approve(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ReviewRequest request) {
        return ErasureResponse.of(erasures.approve(id, request.note(), me.actor()));
    }

    @PostMapping("/{id}/decline")
    ErasureResponse decline(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ReviewRequest request) {
        return ErasureResponse.of(erasures.decline(id, request.note() == null ? "" : request.note(), me.actor()));
    }
}
