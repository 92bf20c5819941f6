package dev.casekeeper.web;

import dev.casekeeper.agents.AgentManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The API takes bearer tokens only, except token creation, which also takes the
 * agent's email and password (HTTP Basic). Admin calls need the admin role; every role inherits the
 * rights of the ones below it. Everything not listed needs a signed-in agent.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_SUPERVISOR
                ROLE_SUPERVISOR > ROLE_AGENT
                """);
    }

    /** A URL the firewall refuses (a {@code ;} or {@code //} in the path) is bad input like any other. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        var problems = new ProblemAuthenticationEntryPoint(json, "Bearer");
        return (request, response, e) -> problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "invalid-input",
                "The request URL contains something Casekeeper does not accept in a path"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, AgentManagement agents, JsonMapper json) throws Exception {
        var basic = new ProblemAuthenticationEntryPoint(json, "Basic realm=\"Casekeeper\"");
        return stateless(http, agents, json)
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
                .httpBasic(b -> b.authenticationEntryPoint(basic).realmName("Casekeeper"))
                .exceptionHandling(e -> e.authenticationEntryPoint(basic).accessDeniedHandler(basic))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AgentManagement agents, JsonMapper json) throws Exception {
        var bearer = new ProblemAuthenticationEntryPoint(json, "Bearer");
        return stateless(http, agents, json)
                .securityMatcher("/api/**", "/actuator/**")
                .exceptionHandling(e -> e.authenticationEntryPoint(bearer).accessDeniedHandler(bearer))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/v1/agents/me")
                        .authenticated()
                        .requestMatchers("/api/v1/agents", "/api/v1/agents/**", "/api/v1/teams", "/api/v1/teams/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/sla/**")
                        .authenticated()
                        .requestMatchers("/api/v1/sla/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/repeat-contacts", "/api/v1/repeat-contacts/**")
                        .hasRole("SUPERVISOR")
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http, AgentManagement agents, JsonMapper json) throws Exception {
        var bearer = new ProblemAuthenticationEntryPoint(json, "Bearer");
        return stateless(http, agents, json)
                .exceptionHandling(e -> e.authenticationEntryPoint(bearer).accessDeniedHandler(bearer))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/", "/error", "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http, AgentManagement agents, JsonMapper json) throws Exception {
        var problems = new ProblemAuthenticationEntryPoint(json, "Bearer");
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(agents, problems), BasicAuthenticationFilter.class);
    }
}
