package dev.casekeeper.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.ratelimits.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts each API request against its client address's bucket and, when it carries a valid token,
 * that token's: a request over either limit is answered {@code 429} with {@code Retry-After} and a
 * problem detail, and changes nothing. Every answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} of the tighter bucket. Runs after the
 * token is checked, so a token's bucket is never made by someone guessing tokens.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ApiRateLimitSettings settings;
    private final JsonMapper json;

    ApiRateLimitFilter(RateLimits limits, ApiRateLimitSettings settings, JsonMapper json) {
        this.limits = limits;
        this.settings = settings;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var verdict = limits.take("address:" + request.getRemoteAddr(), settings.perAddress(), settings.period());
        var token = validToken(request);
        if (verdict.allowed() && token != null) {
            var ofToken = limits.take("token:" + digest(token), settings.perToken(), settings.period());
            if (!ofToken.allowed() || ofToken.remaining() < verdict.remaining()) {
                verdict = ofToken;
            }
        }
        response.setHeader("RateLimit-Limit", Long.toString(verdict.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(verdict.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(verdict.resetSeconds()));
        if (verdict.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests: at most %d per %s; try again in %d s"
                        .formatted(verdict.limit(), settings.period(), verdict.retryAfterSeconds()));
        problem.setTitle("Too many requests");
        problem.setProperty("code", "rate-limited");
        problem.setProperty("retryAfterSeconds", verdict.retryAfterSeconds());
        ProblemWriter.write(json, response, problem);
    }

    /** The bearer token of a request it signed in, or null. */
    private static @Nullable String validToken(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String header = request.getHeader("Authorization");
        if (authentication == null
                || !(authentication.getPrincipal() instanceof SignedInAgent)
                || header == null
                || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    /** The bucket's name never holds the token itself. */
    private static String digest(String token) {
        try {
            var sha = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
