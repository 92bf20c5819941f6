package dev.casekeeper.agents.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.AgentSignedIn;
import dev.casekeeper.agents.PasswordManagement;
import dev.casekeeper.agents.SignInMethod;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TwoFactorManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What an agent must do before working, after signing in with their password: choose their own
 * password in place of a temporary one (reset by an admin, or set when their account was made), then
 * set up a second factor if their role requires one. Until then they see only the page that does it;
 * a partial page update is told to load that page as a whole page.
 *
 * <p>Decided once, at sign-in, and kept in the session, so a page request asks the database nothing;
 * the page that completes a step removes it. A session without a decision (signed in before this was
 * kept) is decided at its first page. A rule changed meanwhile (a role's second factor made required)
 * applies from the next sign-in; opening the step's page asks again, so a step done elsewhere (the
 * password changed through the API) ends there. API tokens are not affected, nor agents signed in
 * through their identity provider, whose own rules apply.
 */
@Configuration(proxyBeanMethods = false)
class AccountStepsRequired implements HandlerInterceptor, WebMvcConfigurer {

    private static final String ATTRIBUTE = AccountStepsRequired.class.getName();

    /** The steps, in the order they are asked. */
    enum Step {
        CHANGE_PASSWORD(
                AccountController.PATH, AccountController.PATH, AccountController.PATH + "/password", "/live/**"),
        SET_UP_TWO_FACTOR(
                TwoFactorController.PATH,
                AccountController.PATH,
                AccountController.PATH + "/password",
                TwoFactorController.PATH,
                TwoFactorController.PATH + "/**",
                "/login/**");

        private final String page;
        private final List<PathPattern> allowed;

        Step(String page, String... allowed) {
            this.page = page;
            this.allowed = java.util.Arrays.stream(allowed)
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();
        }

        boolean allows(String path) {
            var container = PathContainer.parsePath(path);
            return allowed.stream().anyMatch(p -> p.matches(container));
        }
    }

    /** The steps left for one agent's sign-in; replaced (never changed in place) so the session store sees it. */
    record Decision(UUID agentId, Set<Step> steps) implements Serializable {}

    private final PasswordManagement passwords;
    private final TwoFactorManagement twoFactor;
    private final AgentManagement agents;

    AccountStepsRequired(PasswordManagement passwords, TwoFactorManagement twoFactor, AgentManagement agents) {
        this.passwords = passwords;
        this.twoFactor = twoFactor;
        this.agents = agents;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns(
                        "/login",
                        "/logout",
                        "/error",
                        "/forbidden",
                        "/api/**",
                        "/actuator/**",
                        "/css/**",
                        "/js/**",
                        "/images/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html");
    }

    /** At sign-in (the form, the second step, the identity provider): the steps of this agent, into the session. */
    @EventListener
    void on(AgentSignedIn event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var agent = agents.signedIn(event.agentId());
            if (agent.isPresent()) {
                attributes.getRequest().getSession().setAttribute(ATTRIBUTE, decide(agent.get(), event.method()));
            }
        }
    }

    /** The step is done: it is no longer asked in this session. */
    static void done(HttpServletRequest request, Step step) {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof Decision decision) {
            var left = EnumSet.noneOf(Step.class);
            left.addAll(decision.steps());
            left.remove(step);
            session.setAttribute(ATTRIBUTE, new Decision(decision.agentId(), left));
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAgent agent)) {
            return true;
        }
        var decision = decision(request, agent);
        if (decision.steps().isEmpty()) {
            return true;
        }
        var step = decision.steps().iterator().next();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (step.allows(path)) {
            if (path.equals(step.page) && "GET".equals(request.getMethod())) {
                // The step's own page asks again: it may have been done elsewhere.
                request.getSession().setAttribute(ATTRIBUTE, decide(agent, method(request)));
            }
            return true;
        }
        String page = request.getContextPath() + step.page;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", page);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(page);
        }
        return false;
    }

    private Decision decision(HttpServletRequest request, SignedInAgent agent) {
        var session = request.getSession(false);
        if (session != null
                && session.getAttribute(ATTRIBUTE) instanceof Decision decision
                && decision.agentId().equals(agent.id().value())) {
            return decision;
        }
        var decision = decide(agent, method(request));
        request.getSession().setAttribute(ATTRIBUTE, decision);
        return decision;
    }

    private Decision decide(SignedInAgent agent, SignInMethod method) {
        var steps = EnumSet.noneOf(Step.class);
        if (method == SignInMethod.PASSWORD) {
            if (passwords.changeRequired(agent.id())) {
                steps.add(Step.CHANGE_PASSWORD);
            }
            if (twoFactor.enrolmentRequired(agent.id(), agent.role())) {
                steps.add(Step.SET_UP_TWO_FACTOR);
            }
        }
        return new Decision(agent.id().value(), steps);
    }

    private static SignInMethod method(HttpServletRequest request) {
        return request.getAttribute(SignInMethod.REQUEST_ATTRIBUTE) instanceof SignInMethod method
                ? method
                : SignInMethod.PASSWORD;
    }
}
