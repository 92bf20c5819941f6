package dev.casekeeper.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TwoFactorManagement;
import dev.casekeeper.ratelimits.RateLimits;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The API takes bearer tokens only, except token creation, which also takes the
 * agent's email and password (HTTP Basic). Pages take a browser session from the sign-in form,
 * with CSRF protection on every form. Admin calls and admin pages need the admin role; every role
 * inherits the rights of the ones below it. Everything not listed needs a signed-in agent.
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
        return (request, response, e) -> problems.write(
                response,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "invalid-input",
                        "The request URL contains something Casekeeper does not accept in a path"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(
            HttpSecurity http, AgentManagement agents, JsonMapper json, ApiRateLimitFilter limits) throws Exception {
        var basic = new ProblemAuthenticationEntryPoint(json, "Basic realm=\"Casekeeper\"");
        return stateless(http, agents, json, limits)
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
                .httpBasic(b -> b.authenticationEntryPoint(basic).realmName("Casekeeper"))
                .exceptionHandling(e -> e.authenticationEntryPoint(basic).accessDeniedHandler(basic))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AgentManagement agents, JsonMapper json, ApiRateLimitFilter limits)
            throws Exception {
        var bearer = new ProblemAuthenticationEntryPoint(json, "Bearer");
        return stateless(http, agents, json, limits)
                .securityMatcher("/api/**", "/actuator/**")
                .exceptionHandling(e -> e.authenticationEntryPoint(bearer).accessDeniedHandler(bearer))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/v1/agents/me")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/agents/me/password")
                        .authenticated()
                        // An agent's compliments are a record every agent may read.
                        .requestMatchers(HttpMethod.GET, "/api/v1/agents/*/compliments")
                        .authenticated()
                        .requestMatchers(
                                "/api/v1/agents",
                                "/api/v1/agents/**",
                                "/api/v1/teams",
                                "/api/v1/teams/**",
                                "/api/v1/mailboxes",
                                "/api/v1/mailboxes/**")
                        .hasRole("ADMIN")
                        // Every agent reads and renders canned responses; admins write them.
                        .requestMatchers(HttpMethod.POST, "/api/v1/macros")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/macros/*")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/macros/*")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/sla/**")
                        .authenticated()
                        .requestMatchers("/api/v1/sla/**")
                        .hasRole("ADMIN")
                        // Custom fields: every agent reads them, admins define them.
                        .requestMatchers(HttpMethod.GET, "/api/v1/fields", "/api/v1/fields/*")
                        .authenticated()
                        .requestMatchers("/api/v1/fields", "/api/v1/fields/**")
                        .hasRole("ADMIN")
                        // The web form's topics: every agent reads them, admins write them.
                        .requestMatchers(HttpMethod.GET, "/api/v1/contact-topics", "/api/v1/contact-topics/*")
                        .authenticated()
                        .requestMatchers("/api/v1/contact-topics", "/api/v1/contact-topics/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/repeat-contacts", "/api/v1/repeat-contacts/**")
                        .hasRole("SUPERVISOR")
                        // Customer records: any agent proposes or declines a merge and sees erasure requests;
                        // supervisors confirm and undo merges and review erasure requests.
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/customer-merges/*/confirmation",
                                "/api/v1/customer-merges/*/undo",
                                "/api/v1/erasure-requests/*/approval",
                                "/api/v1/erasure-requests/*/decline")
                        .hasRole("SUPERVISOR")
                        // Withdrawing an action that waits for an approval: its proposer, or a supervisor or admin
                        // (checked by ActionManagement, which knows who proposed it).
                        .requestMatchers(HttpMethod.POST, "/api/v1/actions/*/withdrawal")
                        .authenticated()
                        // Deleting a case, the block list and the mail it suspended, automatic closing: admins.
                        .requestMatchers(
                                "/api/v1/cases/*/deletion",
                                "/api/v1/auto-close",
                                "/api/v1/auto-close/**",
                                "/api/v1/email/blocked-senders",
                                "/api/v1/email/blocked-senders/**",
                                "/api/v1/email/suspended",
                                "/api/v1/email/suspended/**")
                        .hasRole("ADMIN")
                        // Case merges and links: any agent makes them; supervisors undo them.
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/cases/*/merge", "/api/v1/cases/*/links/*")
                        .hasRole("SUPERVISOR")
                        // Routing: every agent sets their presence, answers offers and sees their teams' queues;
                        // supervisors set skills and capacities and see abandoned contacts; admins, and the
                        // team's own supervisors (checked by QueueManagement), set a team's overflow.
                        .requestMatchers(
                                "/api/v1/routing/agents",
                                "/api/v1/routing/agents/**",
                                "/api/v1/routing/teams/*",
                                "/api/v1/routing/abandoned")
                        .hasRole("SUPERVISOR")
                        // Supervisor requests: any agent asks for one; supervisors list and take them.
                        .requestMatchers(HttpMethod.GET, "/api/v1/routing/supervisor-requests")
                        .hasRole("SUPERVISOR")
                        .requestMatchers("/api/v1/routing/supervisor-requests/*/take")
                        .hasRole("SUPERVISOR")
                        // Telephony: phone systems sign their own requests (checked by the telephony module);
                        // admins manage the integrations and the teams' callback threshold.
                        .requestMatchers(
                                "/api/v1/telephony/events",
                                "/api/v1/telephony/twilio/*",
                                "/api/v1/telephony/calls/*/queue")
                        .permitAll()
                        .requestMatchers("/api/v1/telephony/**")
                        .hasRole("ADMIN")
                        // Outgoing webhooks and their delivery log: admins.
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
                        .hasRole("ADMIN")
                        // Imports from another desk, their progress and reports: admins.
                        .requestMatchers("/api/v1/imports", "/api/v1/imports/**")
                        .hasRole("ADMIN")
                        // The help center's brand (name, colours, logo): admins.
                        .requestMatchers("/api/v1/knowledge/brand", "/api/v1/knowledge/brand/**")
                        .hasRole("ADMIN")
                        // The audit log and its CSV export: admins.
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**")
                        .hasRole("ADMIN")
                        // Triggers, time-based automations and their dry-runs: admins.
                        .requestMatchers("/api/v1/automations", "/api/v1/automations/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .build();
    }

    /**
     * The chat widget: its script and its WebSocket are for anyone on any page (the socket checks
     * the page's origin itself); no session, no CSRF token (nothing here acts on a session).
     */
    @Bean
    @Order(0)
    SecurityFilterChain chatWidget(HttpSecurity http) throws Exception {
        return http.securityMatcher("/widget.js", "/chat/ws")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> {})
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    /**
     * Pages: a session from the sign-in form (or the identity provider, when single sign-on is
     * configured), kept in PostgreSQL; CSRF tokens on every form.
     */
    @Bean
    @Order(3)
    SecurityFilterChain pages(
            HttpSecurity http,
            AgentManagement agents,
            PasswordSignIn signIn,
            TwoFactorManagement twoFactor,
            SingleSignOn singleSignOn,
            ApplicationEventPublisher events,
            Clock clock)
            throws Exception {
        var accessDenied = new AccessDeniedHandlerImpl();
        accessDenied.setErrorPage(ErrorPagesController.FORBIDDEN_PATH);
        var providers = new ArrayList<AuthenticationProvider>(List.of(new SessionSignIn(signIn, twoFactor)));
        singleSignOn.provider().ifPresent(providers::add);
        var signIns = new ProviderManager(providers);
        var failures = new SignInFailureHandler(clock);
        singleSignOn.apply(http, failures);
        // Failed sign-ins as Spring Security's events, which the audit log records.
        var outcomes = new DefaultAuthenticationEventPublisher(events);
        outcomes.setAdditionalExceptionMappings(
                Map.of(SignInLockedException.class, AuthenticationFailureLockedEvent.class));
        signIns.setAuthenticationEventPublisher(outcomes);
        return http.authenticationManager(signIns)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(
                                DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                SecondFactorController.PATH,
                                "/error",
                                "/favicon.ico",
                                "/css/**",
                                "/js/**",
                                "/images/**",
                                "/webjars/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/v3/api-docs.yaml",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/supervisor", "/supervisor/**")
                        .hasRole("SUPERVISOR")
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failures))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .requestCache(c -> c.requestCache(pageRequestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new PageAuthenticationEntryPoint())
                        .accessDeniedHandler(accessDenied))
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request ->
                                        !request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui"),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new SessionAgentFilter(agents), AnonymousAuthenticationFilter.class)
                .build();
    }

    /**
     * Pages run no inline script and load nothing from elsewhere; customer HTML is sanitized
     * before it is stored, and this stops whatever might slip through (remote images included).
     * The API explorer, a third-party page with inline styles, goes without it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /** After signing in, back to the page asked for; never to a page fragment or the live event stream. */
    private static HttpSessionRequestCache pageRequestCache() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && (request.getHeader("Accept") == null
                        || request.getHeader("Accept").contains("text/html")));
        return cache;
    }

    /** The API's rate limits, counted after the token is checked (docs/api.md#rate-limits). */
    @Bean
    ApiRateLimitFilter apiRateLimitFilter(RateLimits buckets, ApiRateLimitSettings settings, JsonMapper json) {
        return new ApiRateLimitFilter(buckets, settings, json);
    }

    /** Not a servlet filter of its own: it runs only inside the API's chains. */
    @Bean
    FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilterOutsideChains(ApiRateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static HttpSecurity stateless(
            HttpSecurity http, AgentManagement agents, JsonMapper json, ApiRateLimitFilter limits) throws Exception {
        var problems = new ProblemAuthenticationEntryPoint(json, "Bearer");
        var tokens = new BearerTokenFilter(agents, problems);
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(tokens, BasicAuthenticationFilter.class)
                .addFilterAfter(limits, BearerTokenFilter.class);
    }
}
