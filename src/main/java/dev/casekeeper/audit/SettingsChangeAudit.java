package dev.casekeeper.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every change an admin page or an admin API call makes to the desk's settings (mailboxes, SLA
 * policies, fields, webhooks, automations, ...) as a {@code settings_changed} entry: who, which
 * page or call, which path. One rule for some seventy forms and calls instead of a call in each;
 * the price is that this entry is written just after the change commits, not with it (docs/audit.md).
 * A request whose change wrote an entry of its own (an agent created, a role changed) gets no second one.
 */
@Configuration(proxyBeanMethods = false)
class SettingsChangeAudit implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SettingsChangeAudit.class);

    /** The admin pages and the API's settings calls, as the security configuration guards them. */
    static final String[] SETTINGS = {
        "/admin",
        "/admin/**",
        "/api/v1/agents",
        "/api/v1/agents/**",
        "/api/v1/teams",
        "/api/v1/teams/**",
        "/api/v1/mailboxes",
        "/api/v1/mailboxes/**",
        "/api/v1/macros",
        "/api/v1/macros/*",
        "/api/v1/sla/**",
        "/api/v1/fields",
        "/api/v1/fields/**",
        "/api/v1/contact-topics",
        "/api/v1/contact-topics/**",
        "/api/v1/auto-close",
        "/api/v1/auto-close/**",
        "/api/v1/email/blocked-senders",
        "/api/v1/email/blocked-senders/**",
        "/api/v1/email/suspended/**",
        "/api/v1/telephony/integrations",
        "/api/v1/telephony/integrations/**",
        "/api/v1/telephony/teams/**",
        "/api/v1/webhooks",
        "/api/v1/webhooks/**",
        "/api/v1/knowledge/brand",
        "/api/v1/knowledge/brand/**",
        "/api/v1/automations",
        "/api/v1/automations/**",
        "/api/v1/imports",
        "/api/v1/imports/**",
        "/api/v1/action-types",
        "/api/v1/action-types/**",
        "/api/v1/counter/locations",
        "/api/v1/counter/locations/*",
        "/api/v1/counter/locations/*/reasons",
        "/api/v1/routing/teams/*",
        "/api/v1/reports/rebuild"
    };

    /** Calls under those paths that change no setting: an agent's own password, a preview. */
    static final String[] NOT_SETTINGS = {"/api/v1/agents/me/**", "/admin/macros/preview"};

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String FORM_REFUSED = SettingsChangeAudit.class.getName() + ".refused";

    private final AuditLog audit;

    SettingsChangeAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(SETTINGS).excludePathPatterns(NOT_SETTINGS);
    }

    /** A form that comes back with its errors (status 200 on some pages) changed nothing. */
    @Override
    public void postHandle(
            HttpServletRequest request,
            HttpServletResponse response,
            Object handler,
            @Nullable ModelAndView modelAndView) {
        if (modelAndView != null
                && (modelAndView.getModel().get("error") != null
                        || modelAndView.getModel().values().stream()
                                .anyMatch(v -> v instanceof BindingResult errors && errors.hasErrors()))) {
            request.setAttribute(FORM_REFUSED, Boolean.TRUE);
        }
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        if (ex != null
                || !(handler instanceof HandlerMethod)
                || !CHANGING.contains(request.getMethod())
                || response.getStatus() >= 400
                || request.getAttribute(FORM_REFUSED) != null
                || AuditLog.recordedDuring(request)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            audit.record(
                    AuditKind.SETTINGS_CHANGED,
                    SecurityAudit.caller(),
                    new AuditSubject("settings", path),
                    request.getMethod() + " " + (pattern == null ? path : pattern));
        } catch (RuntimeException e) {
            // The change is committed; the request answers as it would have. The log keeps what the audit lost.
            log.error("Settings change {} {} not recorded in the audit log", request.getMethod(), path, e);
        }
    }
}
