package dev.casekeeper.sla.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.sla.CaseSla;
import dev.casekeeper.sla.SlaManagement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The SLA of one case: the policy, and each clock with its due time and the business time left. */
@RestController
class CaseSlaRestController {

    record PolicyRef(UUID id, String name) {}

    record CalendarRef(UUID id, String name, String zone) {}

    record ClockResponse(
            String target,
            int cycle,
            String state,
            long targetMinutes,
            Instant startedAt,
            @Nullable Instant warnAt,
            @Nullable Instant dueAt,
            long businessSecondsLeft,
            @Nullable Instant warnedAt,
            @Nullable Instant breachedAt,
            @Nullable Instant endedAt) {

        static ClockResponse of(CaseSla.Clock c) {
            return new ClockResponse(
                    c.target().value(),
                    c.cycle(),
                    c.state(),
                    c.budget().toMinutes(),
                    c.startedAt(),
                    c.warnAt(),
                    c.dueAt(),
                    c.businessTimeLeft().toSeconds(),
                    c.warnedAt(),
                    c.breachedAt(),
                    c.endedAt());
        }
    }

    record CaseSlaResponse(
            UUID caseId,
            @Nullable PolicyRef policy,
            @Nullable CalendarRef calendar,
            List<ClockResponse> clocks) {}

    private final SlaManagement sla;

    CaseSlaRestController(SlaManagement sla) {
        this.sla = sla;
    }

    @GetMapping("/api/v1/cases/{id}/sla")
    CaseSlaResponse caseSla(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var view = sla.caseSla(new CaseId(id), me);
        return new CaseSlaResponse(
                id,
                view.policy() == null
                        ? null
                        : new PolicyRef(
                                view.policy().id().value(), view.policy().name()),
                view.calendar() == null
                        ? null
                        : new CalendarRef(
                                view.calendar().id().value(),
                                view.calendar().name(),
                                view.calendar().zone()),
                view.clocks().stream().map(ClockResponse::of).toList());
    }
}
