package dev.casekeeper.agents.web;

import dev.casekeeper.agents.SignInMethod;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TwoFactorManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An agent whose role must sign in with a second factor, and who has none yet, sees the page that
 * sets one up, and nothing else, after their password (as {@link PasswordChangeRequired} does for a
 * temporary password, which comes first). API tokens are not affected, nor agents signed in through
 * their identity provider, whose own second factor applies.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorEnrolmentRequired implements HandlerInterceptor, WebMvcConfigurer {

    private final TwoFactorManagement twoFactor;

    TwoFactorEnrolmentRequired(TwoFactorManagement twoFactor) {
        this.twoFactor = twoFactor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns(
                        AccountController.PATH,
                        AccountController.PATH + "/password",
                        TwoFactorController.PATH,
                        TwoFactorController.PATH + "/**",
                        "/login",
                        "/login/**",
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

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof SignedInAgent agent)
                || SignInMethod.SINGLE_SIGN_ON.equals(request.getAttribute(SignInMethod.REQUEST_ATTRIBUTE))
                || !twoFactor.enrolmentRequired(agent.id(), agent.role())) {
            return true;
        }
        String setUp = request.getContextPath() + TwoFactorController.PATH;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", setUp);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(setUp);
        }
        return false;
    }
}
