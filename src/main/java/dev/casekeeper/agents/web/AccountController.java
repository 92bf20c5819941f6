package dev.casekeeper.agents.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.IssuedToken;
import dev.casekeeper.agents.PasswordManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.web.AgentForms.PasswordForm;
import dev.casekeeper.agents.web.AgentForms.TokenForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every agent's own account page: who they are, changing their password (which ends their other
 * sign-ins), and their own API tokens.
 */
@Controller
class AccountController {

    static final String PATH = "/account";

    private final AgentManagement agents;
    private final PasswordManagement passwords;
    private final AgentSessions sessions;

    AccountController(AgentManagement agents, PasswordManagement passwords, AgentSessions sessions) {
        this.agents = agents;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal SignedInAgent me, Model model) {
        return fill(model, me);
    }

    @PostMapping(PATH + "/password")
    String changePassword(
            @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        if (!errors.hasFieldErrors("newPassword") && !Objects.equals(form.newPassword(), form.repeatPassword())) {
            errors.rejectValue("repeatPassword", "account.form.repeat.differs");
        }
        if (!FormErrors.run(
                errors, Map.of(), () -> passwords.changeOwn(me.id(), form.currentPassword(), form.newPassword()))) {
            response.setStatus(FormErrors.status(errors));
            return fill(model, me);
        }
        AccountStepsRequired.done(request, AccountStepsRequired.Step.CHANGE_PASSWORD);
        // Whoever else was signed in with the old password is signed out; this browser stays.
        var session = request.getSession(false);
        sessions.endAllBut(me.id(), session == null ? null : session.getId());
        redirect.addFlashAttribute("notice", "account.notice.passwordChanged");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/tokens")
    String issueToken(
            @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var issued = new AtomicReference<IssuedToken>();
        if (!FormErrors.run(
                errors,
                Map.of(),
                () -> issued.set(agents.issueToken(me.id(), form.name() == null ? "" : form.name())))) {
            response.setStatus(FormErrors.status(errors));
            return fill(model, me);
        }
        // The secret is in this answer only: not kept for a redirect, not cached.
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", issued.get());
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "tokenForm");
        model.addAttribute("tokenForm", new TokenForm(null, ""));
        return fill(model, me);
    }

    @PostMapping(PATH + "/tokens/{id}/revocation")
    String revokeToken(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        agents.revokeToken(me, id);
        redirect.addFlashAttribute("notice", "admin.notice.tokenRevoked");
        return "redirect:" + PATH;
    }

    private String fill(Model model, SignedInAgent me) {
        var agent = agents.find(me.id());
        model.addAttribute("agent", agent);
        model.addAttribute(
                "teamNames",
                agents.teams().stream()
                        .filter(team -> agent.teamIds().contains(team.id()))
                        .map(Team::name)
                        .toList());
        model.addAttribute(
                "tokens",
                agents.tokens(me, Optional.of(me.id())).stream()
                        .filter(token -> token.revokedAt() == null)
                        .toList());
        model.addAttribute("passwordChangeRequired", passwords.changeRequired(me.id()));
        model.addAttribute("minimumLength", PasswordManagement.minimumLength());
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", PasswordForm.empty());
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(null, ""));
        }
        return "agents/account";
    }
}
