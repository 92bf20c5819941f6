package dev.casekeeper.customers.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.Merge;
import dev.casekeeper.customers.MergeId;
import dev.casekeeper.customers.MergeManagement;
import dev.casekeeper.shared.Actor;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merges of customer records, for every agent to see with their audit trail: agents decline a
 * proposal; supervisors confirm one with a reason, or undo a completed one with a reason (under
 * {@code /supervisor/}, which only supervisors and admins open).
 */
@Controller
class MergesController {

    /** A merge as the page lists it, names filled in. */
    record Row(Merge merge, String sourceName, String targetName, Map<UUID, String> agents) {

        /** The agent's name, or null when the customer or Casekeeper took the step (the page says so in words). */
        public @Nullable String actorName(Actor actor) {
            return actor.kind() == Actor.Kind.AGENT && actor.id() != null ? agents.get(actor.id()) : null;
        }
    }

    private final MergeManagement merges;
    private final CustomerManagement customers;
    private final AgentManagement agents;

    MergesController(MergeManagement merges, CustomerManagement customers, AgentManagement agents) {
        this.merges = merges;
        this.customers = customers;
        this.agents = agents;
    }

    @GetMapping("/customers/merges")
    String list(Model model) {
        var all = merges.list(null);
        var names = agents
                .names(all.stream()
                        .flatMap(m -> m.trail().stream())
                        .filter(s -> s.actor().kind() == Actor.Kind.AGENT
                                && s.actor().id() != null)
                        .map(s -> new AgentId(s.actor().id()))
                        .distinct()
                        .toList())
                .entrySet()
                .stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue));
        List<Row> rows = all.stream()
                .map(m -> new Row(
                        m,
                        customers.find(m.source()).displayName(),
                        customers.find(m.target()).displayName(),
                        names))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("mergesView", true);
        return "customers/merges";
    }

    @PostMapping("/customers/merges/{id}/decline")
    String decline(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(() -> merges.decline(new MergeId(id), null, me.actor()), "declined", response, model, redirect);
    }

    @PostMapping("/supervisor/merges/{id}/confirm")
    String confirm(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(() -> merges.confirm(new MergeId(id), reason, me.actor()), "completed", response, model, redirect);
    }

    @PostMapping("/supervisor/merges/{id}/undo")
    String undo(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(() -> merges.undo(new MergeId(id), reason, me.actor()), "undone", response, model, redirect);
    }

    private String act(
            Supplier<Merge> action,
            String done,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return ListPageActions.act(
                action::get, done, "/customers/merges", () -> list(model), response, model, redirect);
    }
}
