package dev.casekeeper.agents.web;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.ApiToken;
import dev.casekeeper.agents.IssuedToken;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.web.AgentForms.TokenForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page for API tokens: every agent's tokens, issuing one for any active agent (the secret is
 * shown in that answer only), and revoking. Only a digest of a token is stored.
 */
@Controller
class AdminTokensController {

    private final AgentManagement agents;

    AdminTokensController(AgentManagement agents) {
        this.agents = agents;
    }

    /** A token with the name of its agent. */
    record TokenRow(ApiToken token, String agentName, boolean agentActive) {

        public boolean active() {
            return token.revokedAt() == null && agentActive;
        }
    }

    @GetMapping("/admin/tokens")
    String list(
            @RequestParam(required = false) @Nullable UUID agent,
            @RequestParam(defaultValue = "active") String state,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        return fill(model, agent, state, me);
    }

    @PostMapping("/admin/tokens")
    String issue(
            @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var issued = new AtomicReference<IssuedToken>();
        var agentId = form.agentId() == null ? me.id() : new AgentId(form.agentId());
        boolean done = FormErrors.run(
                errors,
                Map.of("agent-inactive", "agentId"),
                () -> issued.set(agents.issueToken(agentId, form.name() == null ? "" : form.name())));
        if (!done) {
            response.setStatus(FormErrors.status(errors));
            return fill(model, null, "active", me);
        }
        // The secret is in this answer only: not kept for a redirect, not cached.
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", issued.get());
        model.addAttribute("issuedFor", agents.find(agentId).name());
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "tokenForm");
        model.addAttribute("tokenForm", new TokenForm(agentId.value(), ""));
        return fill(model, null, "active", me);
    }

    @PostMapping("/admin/tokens/{id}/revocation")
    String revoke(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String back,
            @AuthenticationPrincipal SignedInAgent me,
            RedirectAttributes redirect) {
        agents.revokeToken(me, id);
        redirect.addFlashAttribute("notice", "admin.notice.tokenRevoked");
        // Back to the agent's page when revoked there; never to another site.
        return back != null && back.matches("/admin/agents/[0-9a-f-]{36}")
                ? "redirect:" + back
                : "redirect:/admin/tokens";
    }

    private String fill(Model model, @Nullable UUID agent, String state, SignedInAgent me) {
        List<Agent> all = agents.list();
        Map<AgentId, Agent> byId = all.stream().collect(Collectors.toMap(Agent::id, a -> a));
        var rows = agents.tokens(me, Optional.ofNullable(agent).map(AgentId::new)).stream()
                .map(token -> {
                    var owner = byId.get(token.agentId());
                    return new TokenRow(token, owner == null ? "" : owner.name(), owner != null && owner.active());
                })
                .filter(row -> switch (state) {
                    case "revoked" -> !row.active();
                    case "all" -> true;
                    default -> row.active();
                })
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("agents", all.stream().filter(Agent::active).toList());
        model.addAttribute("agentFilter", agent);
        model.addAttribute("state", List.of("active", "revoked", "all").contains(state) ? state : "active");
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(me.id().value(), ""));
        }
        return "agents/admin-tokens";
    }
}
