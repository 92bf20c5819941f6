package dev.casekeeper.customers.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.ErasureManagement;
import dev.casekeeper.customers.ErasureRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The queue of customers' erasure requests: every agent sees it; supervisors approve a request
 * (her personal data and message bodies are anonymised at once) or decline it with a note the
 * customer reads.
 */
@Controller
class ErasureRequestsController {

    /** A request as the queue lists it, names filled in. */
    record Row(ErasureRequest request, String customerName, String reviewerName) {}

    private final ErasureManagement erasures;
    private final CustomerManagement customers;
    private final AgentManagement agents;

    ErasureRequestsController(ErasureManagement erasures, CustomerManagement customers, AgentManagement agents) {
        this.erasures = erasures;
        this.customers = customers;
        this.agents = agents;
    }

    @GetMapping("/customers/erasure-requests")
    String list(Model model) {
        var all = erasures.list(null);
        var names = agents.names(all.stream()
                .map(ErasureRequest::reviewedBy)
                .filter(Objects::nonNull)
                .map(AgentId::new)
                .distinct()
                .toList());
        model.addAttribute(
                "rows",
                all.stream()
                        .map(r -> new Row(
                                r,
                                customers.find(r.customerId()).displayName(),
                                r.reviewedBy() == null ? "" : names.getOrDefault(new AgentId(r.reviewedBy()), "")))
                        .toList());
        model.addAttribute("erasuresView", true);
        return "customers/erasure-requests";
    }

    @PostMapping("/supervisor/erasure-requests/{id}/approve")
    String approve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(() -> erasures.approve(id, note, me.actor()), "approved", response, model, redirect);
    }

    @PostMapping("/supervisor/erasure-requests/{id}/decline")
    String decline(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(() -> erasures.decline(id, note, me.actor()), "declined", response, model, redirect);
    }

    private String act(
            Supplier<ErasureRequest> action,
            String done,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return ListPageActions.act(
                action::get, done, "/customers/erasure-requests", () -> list(model), response, model, redirect);
    }
}
