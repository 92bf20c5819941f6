package dev.casekeeper.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response tells the browser which of its powerful features Casekeeper's pages may use: none
 * but writing to the clipboard (the Copy buttons), so a script that slipped in could not turn on a
 * camera or ask where the agent is. Set before anything else runs, so refusals, error pages, static
 * files and the API carry it too, whichever security filter chain answers.
 */
class PermissionsPolicyFilter extends OncePerRequestFilter {

    static final String POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
            + "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
            + "xr-spatial-tracking=(), clipboard-write=(self)";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Permissions-Policy", POLICY);
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<PermissionsPolicyFilter> permissionsPolicyFilter() {
            var registration = new FilterRegistrationBean<>(new PermissionsPolicyFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
