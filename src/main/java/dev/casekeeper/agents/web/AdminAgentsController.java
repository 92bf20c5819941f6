package dev.casekeeper.agents.web;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.ChangeAgent;
import dev.casekeeper.agents.CreateAgent;
import dev.casekeeper.agents.PasswordManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.agents.web.AgentForms.EditAgentForm;
import dev.casekeeper.agents.web.AgentForms.NewAgentForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for agents: the list, adding an agent, and changing one's email, name, role and
 * teams. Adding shows a generated password once; the agent chooses their own at first sign-in.
 */
@Controller
class AdminAgentsController {

    private static final Map<String, String> CONFLICTS = Map.of("agent-email-taken", "email", "last-admin", "role");

    private final AgentManagement agents;
    private final AgentPage page;
    private final TransactionTemplate transactions;

    AdminAgentsController(AgentManagement agents, AgentPage page, TransactionTemplate transactions) {
        this.agents = agents;
        this.page = page;
        this.transactions = transactions;
    }

    /** A row of the list: the agent with their teams' names. */
    record AgentRow(Agent agent, List<String> teamNames) {}

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/agents";
    }

    @GetMapping("/admin/agents")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "active") String status,
            Model model) {
        Map<TeamId, String> teamNames = agents.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        var rows = agents.list().stream()
                .filter(a -> switch (status) {
                    case "deactivated" -> !a.active();
                    case "all" -> true;
                    default -> a.active();
                })
                .filter(a -> needle.isEmpty()
                        || a.name().toLowerCase(Locale.ROOT).contains(needle)
                        || a.email().contains(needle))
                .map(a -> new AgentRow(
                        a,
                        a.teamIds().stream()
                                .map(teamNames::get)
                                .filter(n -> n != null)
                                .sorted()
                                .toList()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", List.of("active", "deactivated", "all").contains(status) ? status : "active");
        return "agents/admin-agents";
    }

    @GetMapping("/admin/agents/new")
    String newAgent(Model model) {
        return showNew(model, NewAgentForm.empty());
    }

    @PostMapping("/admin/agents")
    String create(
            @Valid @ModelAttribute("agentForm") NewAgentForm form,
            BindingResult errors,
            HttpServletResponse response,
            Model model) {
        var role = role(form.role(), errors);
        boolean generated = form.password() == null || form.password().isEmpty();
        String password = generated ? PasswordManagement.generate() : form.password();
        var created = new AtomicReference<Agent>();
        boolean done = FormErrors.run(
                errors,
                CONFLICTS,
                () -> transactions.executeWithoutResult(tx -> {
                    var agent = agents.createWithTemporaryPassword(
                            new CreateAgent(form.email(), form.name(), password, role));
                    agents.setTeams(agent.id(), teams(form.teamIds()));
                    created.set(agents.find(agent.id()));
                }));
        if (!done) {
            response.setStatus(FormErrors.status(errors));
            return showNew(model, form);
        }
        model.addAttribute("created", created.get());
        if (generated) {
            // Shown in this answer only, never stored for a later one.
            model.addAttribute("password", password);
        }
        response.setHeader("Cache-Control", "no-store");
        return "agents/admin-agent-created";
    }

    @GetMapping("/admin/agents/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        page.fill(model, new AgentId(id), me);
        return AgentPage.VIEW;
    }

    @PostMapping("/admin/agents/{id}")
    String save(
            @PathVariable UUID id,
            @Valid @ModelAttribute("agentForm") EditAgentForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var agentId = new AgentId(id);
        agents.find(agentId);
        var role = role(form.role(), errors);
        boolean done = FormErrors.run(
                errors,
                CONFLICTS,
                () -> transactions.executeWithoutResult(tx -> {
                    agents.change(agentId, new ChangeAgent(form.email(), form.name(), role, null, null));
                    agents.setTeams(agentId, teams(form.teamIds()));
                }));
        if (!done) {
            response.setStatus(FormErrors.status(errors));
            page.fill(model, agentId, me);
            return AgentPage.VIEW;
        }
        redirect.addFlashAttribute("notice", "admin.notice.agentSaved");
        return "redirect:/admin/agents/" + id;
    }

    private String showNew(Model model, NewAgentForm form) {
        if (!model.containsAttribute("agentForm")) {
            model.addAttribute("agentForm", form);
        }
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("minimumLength", PasswordManagement.minimumLength());
        return "agents/admin-agent-new";
    }

    private static List<TeamId> teams(@Nullable List<UUID> ids) {
        return ids == null
                ? List.of()
                : ids.stream().distinct().map(TeamId::new).toList();
    }

    static @Nullable Role role(@Nullable String value, BindingResult errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Role.from(value);
        } catch (IllegalArgumentException e) {
            errors.rejectValue("role", "admin.form.role.blank");
            return null;
        }
    }
}
