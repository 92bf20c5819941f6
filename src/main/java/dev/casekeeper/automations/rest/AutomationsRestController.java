package dev.casekeeper.automations.rest;

import dev.casekeeper.automations.Automation;
import dev.casekeeper.automations.AutomationManagement;
import dev.casekeeper.automations.DryRun;
import dev.casekeeper.automations.SaveAutomation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Triggers ({@code /api/v1/automations/triggers}) and time-based automations
 * ({@code /api/v1/automations/timed}), with their dry-runs: admins only (docs/automations.md).
 */
@RestController
class AutomationsRestController {

    private static final String TRIGGERS = "/api/v1/automations/triggers";
    private static final String TIMED = "/api/v1/automations/timed";

    private final AutomationManagement automations;

    AutomationsRestController(AutomationManagement automations) {
        this.automations = automations;
    }

    /** What an automation can be made of: the events triggers react to and the statuses. */
    @GetMapping("/api/v1/automations/vocabulary")
    Map<String, List<String>> vocabulary() {
        return Map.of(
                "events", AutomationManagement.events(),
                "statuses", AutomationManagement.statuses());
    }

    @GetMapping({TRIGGERS, TIMED})
    List<AutomationResponse> list(HttpServletRequest request) {
        return automations.list(kind(request)).stream()
                .map(AutomationResponse::of)
                .toList();
    }

    @PostMapping({TRIGGERS, TIMED})
    @ResponseStatus(HttpStatus.CREATED)
    AutomationResponse create(HttpServletRequest request, @RequestBody SaveAutomation body) {
        return AutomationResponse.of(automations.create(kind(request), body));
    }

    @GetMapping({TRIGGERS + "/{id}", TIMED + "/{id}"})
    AutomationResponse find(HttpServletRequest request, @PathVariable UUID id) {
        return AutomationResponse.of(automations.find(kind(request), id));
    }

    /** Changes what is given; the rest stays. */
    @PatchMapping({TRIGGERS + "/{id}", TIMED + "/{id}"})
    AutomationResponse update(HttpServletRequest request, @PathVariable UUID id, @RequestBody SaveAutomation body) {
        return AutomationResponse.of(automations.update(kind(request), id, body));
    }

    @DeleteMapping({TRIGGERS + "/{id}", TIMED + "/{id}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(HttpServletRequest request, @PathVariable UUID id) {
        automations.delete(kind(request), id);
    }

    /** The cases it would act on now; changes nothing. */
    @GetMapping({TRIGGERS + "/{id}/dry-run", TIMED + "/{id}/dry-run"})
    DryRun dryRun(HttpServletRequest request, @PathVariable UUID id) {
        return automations.dryRun(kind(request), id);
    }

    private static Automation.Kind kind(HttpServletRequest request) {
        return request.getRequestURI().contains("/automations/triggers")
                ? Automation.Kind.TRIGGER
                : Automation.Kind.TIMED;
    }
}
