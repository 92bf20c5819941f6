package dev.casekeeper.routing.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.routing.SupervisorRequestManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The "ask a supervisor" button of the case page's contact panel: an agent who may see the case asks,
 * and the panel's state answers with the open request.
 */
@Controller
class CaseSupervisorRequestController {

    private final SupervisorRequestManagement requests;
    private final CaseLookup cases;
    private final ContactPanels panels;

    CaseSupervisorRequestController(SupervisorRequestManagement requests, CaseLookup cases, ContactPanels panels) {
        this.requests = requests;
        this.cases = cases;
        this.panels = panels;
    }

    @PostMapping("/cases/{number}/supervisor-request")
    String requestSupervisor(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var detail = cases.findByNumber(number, me);
        requests.request(detail.summary().id(), me);
        response.setHeader("HX-Trigger", "case-changed-" + number);
        panels.fill(cases.findByNumber(number, me), me, model);
        return "routing/contact :: state";
    }
}
