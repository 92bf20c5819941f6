package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerManagement;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customers' side: the portal, its API and the web form. A filter chain of its own, keeping the
 * signed-in customer under a session attribute of its own: an agent's sign-in is not seen here and
 * a customer's is not seen on the agents' pages or API, so neither opens the other's pages even in
 * one browser. The sign-in pages and the web form are open to anyone; the rest needs a customer.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String CONTEXT_ATTRIBUTE = "CASEKEEPER_PORTAL_SECURITY_CONTEXT";
    static final String ROLE = "ROLE_CUSTOMER";
    static final String SIGN_IN = "/portal/sign-in";

    /** As on the agents' pages: no inline script, nothing from elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    static HttpSessionSecurityContextRepository contexts() {
        var repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
        return repository;
    }

    static Authentication authentication(PortalCustomer customer) {
        return UsernamePasswordAuthenticationToken.authenticated(
                customer, null, List.of(new SimpleGrantedAuthority(ROLE)));
    }

    /** Signs the customer in to the portal's part of the session (on sign-in, and when a merge moved her). */
    static void signIn(PortalCustomer customer, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(customer));
        SecurityContextHolder.setContext(context);
        contexts().saveContext(context, request, response);
    }

    @Bean
    @Order(-1)
    SecurityFilterChain portal(HttpSecurity http, JsonMapper json, CustomerManagement customers) throws Exception {
        var signIn = new LoginUrlAuthenticationEntryPoint(SIGN_IN);
        return http.securityMatcher("/portal", "/portal/**", "/api/portal/**", "/contact", "/contact/**")
                .securityContext(c -> c.securityContextRepository(contexts()))
                // The embedded web form posts from other sites without Casekeeper's cookies, so there is
                // no session to forge; its origin is checked instead (ContactEmbedController).
                .csrf(c -> c.ignoringRequestMatchers("/contact/embed"))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(
                                DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(SIGN_IN, SIGN_IN + "/**", "/contact", "/contact/**")
                        .permitAll()
                        // The customer API's way in: its CSRF token, asking for a code, typing it.
                        .requestMatchers(
                                "/api/portal/v1/csrf",
                                "/api/portal/v1/sign-in",
                                "/api/portal/v1/sign-in/code",
                                "/api/portal/v1/sign-out")
                        .permitAll()
                        // Signed links from mail: the link is the permission (SignedLinks).
                        .requestMatchers("/portal/status/*", "/portal/rate/*", "/portal/rate/*/*")
                        .permitAll()
                        // A chat visitor confirming the address she typed is not signed in.
                        .requestMatchers("/portal/verify/*", "/portal/verify")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            if (isApi(request)) {
                                problem(json, response, HttpStatus.UNAUTHORIZED, "Sign in to the portal first");
                            } else if (request.getHeader("HX-Request") != null) {
                                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                                response.setHeader("HX-Redirect", request.getContextPath() + SIGN_IN);
                            } else {
                                signIn.commence(request, response, ex);
                            }
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            if (isApi(request) && ex instanceof CsrfException) {
                                problem(
                                        json,
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        "csrf-token",
                                        "Send this session's CSRF token in the X-CSRF-TOKEN header (GET /api/portal/v1/csrf)");
                            } else if (isApi(request)) {
                                problem(json, response, HttpStatus.FORBIDDEN, "Not yours");
                            } else {
                                response.sendError(HttpStatus.FORBIDDEN.value());
                            }
                        }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new PortalSessionCheck(customers), AuthorizationFilter.class)
                .build();
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** A refusal as the rest of the API writes it (RFC 9457, with a stable {@code code}). */
    private static void problem(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        problem(json, response, status, status == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden", detail);
    }

    private static void problem(
            JsonMapper json, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:casekeeper:problem:" + code));
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
