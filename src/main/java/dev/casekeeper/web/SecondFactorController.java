package dev.casekeeper.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TwoFactorCheck;
import dev.casekeeper.agents.TwoFactorManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second sign-in step: after a right password, an agent with a second factor gives a code from
 * their app (or a recovery code) within five minutes. A right code signs them in as the form would
 * have; a wrong one asks again; too many wrong ones send them back to the sign-in form.
 */
@Controller
class SecondFactorController {

    static final String PATH = "/login/code";
    private static final Duration PASSWORD_GOOD_FOR = Duration.ofMinutes(5);

    private final TwoFactorManagement twoFactor;
    private final AgentManagement agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SecondFactorController(
            TwoFactorManagement twoFactor, AgentManagement agents, ApplicationEventPublisher events, Clock clock) {
        this.twoFactor = twoFactor;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String form(HttpServletRequest request) {
        return pending(request) == null ? "redirect:/login" : "web/login-code";
    }

    @PostMapping(PATH)
    String check(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var pending = pending(request);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        var agentId = new AgentId(pending.agentId());
        var check = code.isBlank() ? TwoFactorCheck.REFUSED : twoFactor.check(agentId, code);
        if (check == TwoFactorCheck.LOCKED) {
            request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
            return "redirect:/login?codeLocked";
        }
        if (check == TwoFactorCheck.REFUSED) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("wrongCode", true);
            return "web/login-code";
        }
        var agent = agents.signedIn(agentId);
        request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
        if (agent.isEmpty()) {
            return "redirect:/login?expired";
        }
        // As the sign-in form does: a new session id, the agent's id in the session, the sign-in event.
        request.changeSessionId();
        var token = UsernamePasswordAuthenticationToken.authenticated(
                new SessionAgent(pending.agentId()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + agent.get().role().name())));
        token.setDetails(new WebAuthenticationDetails(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(token, getClass()));
        var saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
    }

    private @Nullable PendingSignIn pending(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn pending)) {
            return null;
        }
        if (pending.passwordCheckedAt().plus(PASSWORD_GOOD_FOR).isBefore(clock.instant())) {
            session.removeAttribute(PendingSignIn.ATTRIBUTE);
            return null;
        }
        return pending;
    }
}
