package dev.casekeeper.assist.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.cases.CaseId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
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

/** Frustration scores, tone checks, heated cases, supervisor alerts and coaching findings. */
@RestController
@RequestMapping("/api/v1/assist")
class AssistRestController {

    private final AssistManagement assist;

    AssistRestController(AssistManagement assist) {
        this.assist = assist;
    }

    @PostMapping("/frustration")
    AssistResponses.FrustrationResponse frustration(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody AssistRequests.Score request) {
        return AssistResponses.FrustrationResponse.of(
                assist.frustration(request.text(), caseId(request.caseId()), request.language(), me));
    }

    @PostMapping("/tone")
    AssistResponses.ToneResponse tone(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody AssistRequests.Score request) {
        return AssistResponses.ToneResponse.of(
                assist.tone(request.text(), caseId(request.caseId()), request.language(), me));
    }

    @GetMapping("/heated")
    List<AssistResponses.HeatedCaseResponse> heated(
            @AuthenticationPrincipal SignedInAgent me, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return assist.heatedCases(me, limit).stream()
                .map(AssistResponses.HeatedCaseResponse::of)
                .toList();
    }

    @GetMapping("/alerts")
    List<AssistResponses.AlertResponse> alerts(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return assist.alerts(me, all, limit).stream()
                .map(AssistResponses.AlertResponse::of)
                .toList();
    }

    @PostMapping("/alerts/{id}/acknowledgement")
    AssistResponses.AlertResponse acknowledge(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return AssistResponses.AlertResponse.of(assist.acknowledgeAlert(id, me));
    }

    @GetMapping("/coaching")
    AssistResponses.CoachingResponse coaching(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable UUID agentId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        return AssistResponses.CoachingResponse.of(
                assist.coaching(agentId == null ? null : new AgentId(agentId), me, cursor, limit));
    }

    private static @Nullable CaseId caseId(@Nullable UUID id) {
        return id == null ? null : new CaseId(id);
    }
}
