package dev.casekeeper.agents.web;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.agents.web.AgentForms.MemberForm;
import dev.casekeeper.agents.web.AgentForms.TeamForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for teams: the list, adding and renaming a team, and its members. */
@Controller
class AdminTeamsController {

    private static final Map<String, String> CONFLICTS = Map.of("team-name-taken", "name");

    private final AgentManagement agents;

    AdminTeamsController(AgentManagement agents) {
        this.agents = agents;
    }

    /** A team with its members, by name. */
    record TeamRow(Team team, List<Agent> members) {}

    @GetMapping("/admin/teams")
    String list(Model model) {
        if (!model.containsAttribute("teamForm")) {
            model.addAttribute("teamForm", new TeamForm(""));
        }
        var byId = agents.list().stream().collect(Collectors.toMap(Agent::id, Function.identity()));
        model.addAttribute(
                "rows",
                agents.teams().stream()
                        .map(team -> new TeamRow(team, members(team, byId)))
                        .toList());
        return "agents/admin-teams";
    }

    @PostMapping("/admin/teams")
    String create(
            @Valid @ModelAttribute("teamForm") TeamForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var created = new AtomicReference<Team>();
        if (!FormErrors.run(errors, CONFLICTS, () -> created.set(agents.createTeam(form.name())))) {
            response.setStatus(FormErrors.status(errors));
            return list(model);
        }
        redirect.addFlashAttribute("notice", "admin.notice.teamCreated");
        return "redirect:/admin/teams/" + created.get().id();
    }

    @GetMapping("/admin/teams/{id}")
    String show(@PathVariable UUID id, Model model) {
        var team = agents.findTeam(new TeamId(id));
        var all = agents.list();
        var byId = all.stream().collect(Collectors.toMap(Agent::id, Function.identity()));
        model.addAttribute("team", team);
        model.addAttribute("members", members(team, byId));
        model.addAttribute(
                "candidates",
                all.stream()
                        .filter(Agent::active)
                        .filter(agent -> !team.memberIds().contains(agent.id()))
                        .toList());
        if (!model.containsAttribute("teamForm")) {
            model.addAttribute("teamForm", new TeamForm(team.name()));
        }
        if (!model.containsAttribute("memberForm")) {
            model.addAttribute("memberForm", new MemberForm(null));
        }
        return "agents/admin-team";
    }

    @PostMapping("/admin/teams/{id}")
    String rename(
            @PathVariable UUID id,
            @Valid @ModelAttribute("teamForm") TeamForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var teamId = new TeamId(id);
        agents.findTeam(teamId);
        if (!FormErrors.run(errors, CONFLICTS, () -> agents.renameTeam(teamId, form.name()))) {
            response.setStatus(FormErrors.status(errors));
            return show(id, model);
        }
        redirect.addFlashAttribute("notice", "admin.notice.teamRenamed");
        return "redirect:/admin/teams/" + id;
    }

    @PostMapping("/admin/teams/{id}/members")
    String addMember(
            @PathVariable UUID id,
            @Valid @ModelAttribute("memberForm") MemberForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var teamId = new TeamId(id);
        agents.findTeam(teamId);
        if (!FormErrors.run(errors, Map.of(), () -> agents.addMember(teamId, new AgentId(form.agentId())))) {
            response.setStatus(FormErrors.status(errors));
            return show(id, model);
        }
        redirect.addFlashAttribute("notice", "admin.notice.memberAdded");
        return "redirect:/admin/teams/" + id;
    }

    @PostMapping("/admin/teams/{id}/members/{agentId}/removal")
    String removeMember(@PathVariable UUID id, @PathVariable UUID agentId, RedirectAttributes redirect) {
        agents.removeMember(new TeamId(id), new AgentId(agentId));
        redirect.addFlashAttribute("notice", "admin.notice.memberRemoved");
        return "redirect:/admin/teams/" + id;
    }

    private static List<Agent> members(Team team, Map<AgentId, Agent> byId) {
        return team.memberIds().stream()
                .map(byId::get)
                .filter(agent -> agent != null)
                .sorted(Comparator.comparing(Agent::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
