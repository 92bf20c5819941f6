package dev.casekeeper.counter.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The kiosk and the display board are for anyone in the waiting area: no sign-in, an anonymous
 * session only for the kiosk form's CSRF token, the same content security policy as every page (no
 * inline script, nothing from elsewhere). Abuse of the kiosk is held off by a rate limit per client
 * ({@link KioskLimits}).
 */
@Configuration(proxyBeanMethods = false)
class CounterPublicSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    @Order(-2)
    SecurityFilterChain counterPublic(HttpSecurity http) throws Exception {
        return http.securityMatcher("/counter/kiosk/**", "/counter/board/**")
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> {})
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
