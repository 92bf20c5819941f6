package dev.casekeeper.actions.rest;

import dev.casekeeper.actions.Action;
import dev.casekeeper.actions.ActionManagement;
import dev.casekeeper.actions.ActionNextSteps;
import dev.casekeeper.actions.ProposeAction;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Actions on cases: propose one, decide or withdraw one waiting for approval, mark one done by hand,
 * and the approvals queue with each request's waiting time (docs/actions.md).
 */
@RestController
class ActionsRestController {

    private static final int MAX_LIMIT = 200;

    record DeclineRequest(@Nullable String reason) {}

    record DoneRequest(@Nullable String result) {}

    /** An action waiting for approval and how long it has waited, in seconds. */
    record Waiting(Action action, long waitingSeconds) {}

    private final ActionManagement actions;
    private final Clock clock;

    ActionsRestController(ActionManagement actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/api/v1/cases/{id}/actions")
    List<Action> ofCase(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return actions.ofCase(new CaseId(id), me);
    }

    /** Proposes an action: {@code running} at once within the caller's limit, else {@code awaiting_approval}. */
    @PostMapping("/api/v1/cases/{id}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    Action propose(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody ProposeAction request) {
        return actions.propose(new CaseId(id), request, me);
    }

    /** What the reply may tell the customer about the case's running and done actions. */
    @GetMapping("/api/v1/cases/{id}/actions/next-steps")
    List<ActionNextSteps> nextSteps(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return actions.nextSteps(new CaseId(id), me);
    }

    @GetMapping("/api/v1/actions/{id}")
    Action find(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return actions.find(id, me);
    }

    @PostMapping("/api/v1/actions/{id}/approval")
    Action approve(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return actions.approve(id, me);
    }

    @PostMapping("/api/v1/actions/{id}/decline")
    Action decline(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody DeclineRequest request) {
        return actions.decline(id, request.reason(), me);
    }

    /** Takes back an action waiting for an approval: its proposer, a supervisor or an admin. */
    @PostMapping("/api/v1/actions/{id}/withdrawal")
    Action withdraw(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return actions.withdraw(id, me);
    }

    @PostMapping("/api/v1/actions/{id}/done")
    Action done(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody DoneRequest request) {
        return actions.markDone(id, request.result(), me);
    }

    /** The approvals queue of the caller (supervisors and admins), longest waiting first. */
    @GetMapping("/api/v1/approvals")
    List<Waiting> approvals(@AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new dev.casekeeper.shared.InvalidInputException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        var now = clock.instant();
        return actions.awaitingApproval(me, limit).stream()
                .map(a -> new Waiting(a, a.waiting(now).toSeconds()))
                .toList();
    }
}
