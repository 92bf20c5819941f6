package dev.casekeeper.routing.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.routing.AgentRouting;
import dev.casekeeper.routing.ChangeAgentRouting;
import dev.casekeeper.routing.PresenceManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Routing settings for supervisors: each agent's skills and chat and email capacities, and each
 * team's overflow (where its contacts go when they wait too long), the same rules as the routing
 * API. Supervisors and admins only ({@code /supervisor/**}); agents are refused. A supervisor changes
 * the overflow of their own teams only; other teams' rows are shown without a form. A refused change
 * shows the page again with why, beside the row, and changes nothing.
 */
@Controller
class SupervisorRoutingController {

    /** One agent's row: who, and how routing sees them. */
    record AgentRow(UUID id, String name, String email, AgentRouting routing) {

        public String skills() {
            return String.join(", ", routing.skills());
        }
    }

    /** One team's row: its overflow team and wait (in seconds), null when its contacts stay. */
    record TeamRow(
            UUID id,
            String name,
            @Nullable UUID overflowTeamId,
            @Nullable Long overflowAfterSeconds,
            boolean mayChange) {}

    private final PresenceManagement presence;
    private final QueueManagement queues;
    private final AgentManagement agents;

    SupervisorRoutingController(PresenceManagement presence, QueueManagement queues, AgentManagement agents) {
        this.presence = presence;
        this.queues = queues;
        this.agents = agents;
    }

    @GetMapping("/supervisor/routing")
    String page(@AuthenticationPrincipal SignedInAgent me, Model model) {
        var routing = presence.agents();
        var rows = agents.list().stream()
                .filter(a -> a.active())
                .sorted(Comparator.comparing(a -> a.name().toLowerCase(java.util.Locale.ROOT)))
                .map(a -> new AgentRow(
                        a.id().value(),
                        a.name(),
                        a.email(),
                        routing.stream()
                                .filter(r -> r.agentId().equals(a.id()))
                                .findFirst()
                                .orElseGet(() -> presence.agent(a.id()))))
                .toList();
        var teams = agents.teams().stream()
                .sorted(Comparator.comparing(t -> t.name().toLowerCase(java.util.Locale.ROOT)))
                .map(t -> {
                    var settings = queues.teamRouting(t.id());
                    return new TeamRow(
                            t.id().value(),
                            t.name(),
                            settings.overflowTeamId() == null
                                    ? null
                                    : settings.overflowTeamId().value(),
                            settings.overflowAfter() == null
                                    ? null
                                    : settings.overflowAfter().toSeconds(),
                            queues.mayChangeTeam(t.id(), me));
                })
                .toList();
        model.addAttribute("agentRows", rows);
        model.addAttribute("teamRows", teams);
        model.addAttribute("routingView", true);
        return "routing/settings";
    }

    @PostMapping("/supervisor/routing/agents/{id}")
    String changeAgent(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String skills,
            @RequestParam(defaultValue = "") String chatCapacity,
            @RequestParam(defaultValue = "") String emailCapacity,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var agent = agents.find(new AgentId(id));
        try {
            var named = new LinkedHashSet<>(Arrays.stream(skills.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList());
            presence.change(
                    agent.id(),
                    new ChangeAgentRouting(
                            named, number(chatCapacity, "chatCapacity"), number(emailCapacity, "emailCapacity")));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusedAgent", id);
            model.addAttribute("refusal", message(e));
            return page(me, model);
        }
        redirect.addFlashAttribute("saved", agent.name());
        return "redirect:/supervisor/routing#agent-" + id;
    }

    @PostMapping("/supervisor/routing/teams/{id}")
    String changeTeam(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String overflowTeamId,
            @RequestParam(defaultValue = "") String overflowAfterSeconds,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var team = agents.findTeam(new TeamId(id));
        try {
            TeamId to = overflowTeamId.isBlank() ? null : new TeamId(uuid(overflowTeamId));
            Integer seconds = number(overflowAfterSeconds, "overflowAfterSeconds");
            queues.setTeamRouting(team.id(), to, seconds == null ? null : Duration.ofSeconds(seconds), me);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusedTeam", id);
            model.addAttribute("refusal", message(e));
            return page(me, model);
        }
        redirect.addFlashAttribute("saved", team.name());
        return "redirect:/supervisor/routing#team-" + id;
    }

    private static @Nullable Integer number(String value, String field) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("overflowTeamId", "names a team that does not exist");
        }
    }

    /** The refusal as the page says it: which field, and why. */
    private static List<String> message(InvalidInputException e) {
        return e.fieldErrors().entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .toList();
    }
}
