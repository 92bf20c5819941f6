package dev.casekeeper.agents.web;

import dev.casekeeper.agents.PasswordManagement;
import dev.casekeeper.agents.SignInMethod;
import dev.casekeeper.agents.SignedInAgent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An agent signed in with a temporary password (reset by an admin, or set when their account was
 * made) sees their account page, and nothing else, until they have chosen their own. A partial
 * page update is told to load the account page as a whole page. An agent signed in through their
 * identity provider used no password, so nothing is asked of them.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeRequired implements HandlerInterceptor, WebMvcConfigurer {

    private final PasswordManagement passwords;

    PasswordChangeRequired(PasswordManagement passwords) {
        this.passwords = passwords;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns(
                        AccountController.PATH,
                        AccountController.PATH + "/password",
                        "/login",
                        "/logout",
                        "/error",
                        "/forbidden",
                        "/api/**",
                        "/actuator/**",
                        "/live/**",
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
                || !passwords.changeRequired(agent.id())) {
            return true;
        }
        String account = request.getContextPath() + AccountController.PATH;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", account);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(account);
        }
        return false;
    }
}
