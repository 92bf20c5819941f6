package dev.casekeeper.agents.web;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.PasswordManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.web.AgentForms.EditAgentForm;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The admin page of one agent: their settings form, whether they may sign in, their password and
 * their API tokens. A form already in the model (one that came back refused) is kept as typed.
 */
@Component
class AgentPage {

    static final String VIEW = "agents/admin-agent";

    private final AgentManagement agents;
    private final PasswordManagement passwords;

    AgentPage(AgentManagement agents, PasswordManagement passwords) {
        this.agents = agents;
        this.passwords = passwords;
    }

    Agent fill(Model model, AgentId id, SignedInAgent me) {
        var agent = agents.find(id);
        model.addAttribute("agent", agent);
        model.addAttribute("self", agent.id().equals(me.id()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("tokens", agents.tokens(me, Optional.of(id)));
        model.addAttribute("passwordChangeRequired", passwords.changeRequired(id));
        if (!model.containsAttribute("agentForm")) {
            model.addAttribute("agentForm", EditAgentForm.of(agent));
        }
        return agent;
    }
}
