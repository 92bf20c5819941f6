package dev.casekeeper.cases.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseRemovals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Marking a case as spam (any agent who sees it) and deleting one (admins). */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseRemovalsRestController {

    record Spam(@Nullable Boolean blockSender) {}

    record Deletion(@NotBlank @Size(max = 2000) String reason) {}

    private final CaseRemovals removals;

    CaseRemovalsRestController(CaseRemovals removals) {
        this.removals = removals;
    }

    @PostMapping("/spam")
    CaseResponse spam(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody Spam request) {
        return CaseResponse.of(removals.markSpam(new CaseId(id), Boolean.TRUE.equals(request.blockSender()), me))
                .withoutFollowUpOf();
    }

    @PostMapping("/deletion")
    CaseResponse delete(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody Deletion request) {
        return CaseResponse.of(removals.delete(new CaseId(id), request.reason(), me))
                .withoutFollowUpOf();
    }
}
