package dev.casekeeper.assist.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.assist.CloseCase;
import dev.casekeeper.assist.HandOver;
import dev.casekeeper.assist.NextSteps;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Assist on one case: its frustration trend, heated flag, reply templates, closing and handover. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseAssistRestController {

    private final AssistManagement assist;

    CaseAssistRestController(AssistManagement assist) {
        this.assist = assist;
    }

    @GetMapping("/frustration")
    AssistResponses.TrendResponse trend(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return AssistResponses.TrendResponse.of(assist.trend(new CaseId(id), me));
    }

    @DeleteMapping("/heated")
    AssistResponses.TrendResponse clearHeated(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return AssistResponses.TrendResponse.of(assist.clearHeated(new CaseId(id), me));
    }

    @GetMapping("/reply-templates")
    AssistResponses.TemplatesResponse templates(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return AssistResponses.TemplatesResponse.of(assist.templatesFor(new CaseId(id), me));
    }

    @PostMapping("/closing")
    ResponseEntity<AssistResponses.ClosingResponse> close(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody AssistRequests.Close request) {
        var closing = assist.close(new CaseId(id), command(request), me);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/closing"))
                .body(AssistResponses.ClosingResponse.of(closing));
    }

    @PostMapping("/closing/preview")
    AssistResponses.ClosingResponse preview(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody AssistRequests.Close request) {
        return AssistResponses.ClosingResponse.of(assist.previewClosing(new CaseId(id), command(request), me));
    }

    @GetMapping("/closing")
    AssistResponses.ClosingResponse closing(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return assist.closing(new CaseId(id), me)
                .map(AssistResponses.ClosingResponse::of)
                .orElseThrow(() -> new NotFoundException("Closing of case", id));
    }

    @PostMapping("/handover")
    ResponseEntity<AssistResponses.HandedOverResponse> handOver(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody AssistRequests.HandOver request) {
        if ((request.toAgentId() == null) == (request.toTeamId() == null)) {
            throw new InvalidInputException("toAgentId", "name exactly one of toAgentId and toTeamId");
        }
        var handed = assist.handOver(
                new CaseId(id),
                new HandOver(
                        request.toAgentId() == null ? null : new AgentId(request.toAgentId()),
                        request.toTeamId() == null ? null : new TeamId(request.toTeamId()),
                        request.note()),
                me);
        var moved = handed.caseSummary();
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id))
                .body(new AssistResponses.HandedOverResponse(
                        id,
                        moved.ownerId() == null ? null : moved.ownerId().value(),
                        moved.teamId() == null ? null : moved.teamId().value(),
                        handed.reason(),
                        handed.summary()));
    }

    private static CloseCase command(AssistRequests.Close request) {
        var steps = request.nextSteps();
        return new CloseCase(
                new NextSteps(steps.whatHappens(), steps.byWhen(), steps.howToCheck()),
                request.farewell(),
                request.send() == null || request.send(),
                request.solve() == null || request.solve());
    }
}
