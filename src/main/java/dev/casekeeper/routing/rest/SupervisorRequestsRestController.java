package dev.casekeeper.routing.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.routing.SupervisorRequestId;
import dev.casekeeper.routing.SupervisorRequestManagement;
import dev.casekeeper.routing.rest.LiveContactResponses.SupervisorRequestResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests for a supervisor: any agent who may see a case asks (answered with the open request if
 * there is one); supervisors and admins list the open ones and take one.
 */
@RestController
class SupervisorRequestsRestController {

    record RequestSupervisor(@NotNull UUID caseId) {}

    private final SupervisorRequestManagement requests;

    SupervisorRequestsRestController(SupervisorRequestManagement requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/routing/supervisor-requests")
    ResponseEntity<SupervisorRequestResponse> request(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody RequestSupervisor request) {
        var made = requests.request(new CaseId(request.caseId()), me);
        return ResponseEntity.ok(SupervisorRequestResponse.of(made));
    }

    @GetMapping("/api/v1/routing/supervisor-requests")
    List<SupervisorRequestResponse> open(@AuthenticationPrincipal SignedInAgent me) {
        return requests.open(me).stream().map(SupervisorRequestResponse::of).toList();
    }

    @PostMapping("/api/v1/routing/supervisor-requests/{id}/take")
    SupervisorRequestResponse take(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return SupervisorRequestResponse.of(requests.take(new SupervisorRequestId(id), me));
    }
}
