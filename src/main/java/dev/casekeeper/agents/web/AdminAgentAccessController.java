package dev.casekeeper.agents.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.ChangeAgent;
import dev.casekeeper.agents.PasswordManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Whether an agent may sign in, and their password. Deactivating ends the agent's browser
 * sign-ins and revokes their API tokens at once; reactivating brings neither back. A reset
 * password is shown once, in the answer to the reset, and ends the agent's sign-ins.
 */
@Controller
class AdminAgentAccessController {

    private final AgentManagement agents;
    private final PasswordManagement passwords;
    private final AgentSessions sessions;
    private final AgentPage page;

    AdminAgentAccessController(
            AgentManagement agents, PasswordManagement passwords, AgentSessions sessions, AgentPage page) {
        this.agents = agents;
        this.passwords = passwords;
        this.sessions = sessions;
        this.page = page;
    }

    @PostMapping("/admin/agents/{id}/deactivation")
    String deactivate(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var agentId = new AgentId(id);
        if (agentId.equals(me.id())) {
            // Locking oneself out from one's own page is always a slip; another admin can do it.
            return refused(agentId, me, "admin.agent.deactivateSelf", response, model);
        }
        try {
            agents.change(agentId, ChangeAgent.active(false));
        } catch (ConflictException e) {
            return refused(agentId, me, "admin.agent.lastAdmin", response, model);
        }
        // The sessions also end through the deactivation event; this ends them before the page answers.
        sessions.endAll(agentId);
        redirect.addFlashAttribute("notice", "admin.notice.agentDeactivated");
        return "redirect:/admin/agents/" + id;
    }

    @PostMapping("/admin/agents/{id}/activation")
    String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        agents.change(new AgentId(id), ChangeAgent.active(true));
        redirect.addFlashAttribute("notice", "admin.notice.agentReactivated");
        return "redirect:/admin/agents/" + id;
    }

    @PostMapping("/admin/agents/{id}/password-reset")
    String resetPassword(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var agentId = new AgentId(id);
        agents.find(agentId);
        if (agentId.equals(me.id())) {
            // An admin's own password is changed knowing the current one, on their account page.
            return refused(agentId, me, "admin.agent.resetSelf", response, model);
        }
        String password = passwords.reset(agentId, me.id());
        sessions.endAll(agentId);
        // Shown in this answer only: not kept in the session for a redirect, not cached.
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("password", password);
        page.fill(model, agentId, me);
        return AgentPage.VIEW;
    }

    private String refused(AgentId id, SignedInAgent me, String reason, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("refusal", reason);
        page.fill(model, id, me);
        return AgentPage.VIEW;
    }
}
