package dev.casekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filters, written as problem details like every other error. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final String challenge;

    ProblemAuthenticationEntryPoint(JsonMapper json, String challenge) {
        this.json = json;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInLockedException locked) {
            response.setHeader(
                    "Retry-After", Long.toString(Math.max(1, locked.retryAfter().toSeconds())));
            write(
                    response,
                    Problems.of(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "sign-in-locked",
                            "Too many failed sign-ins for this account or from this address; try again in "
                                    + locked.retryAfterMinutes() + " minutes"));
            return;
        }
        response.setHeader("WWW-Authenticate", challenge);
        write(
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Sign in first: send 'Authorization: Bearer <token>' (tokens come from POST /api/v1/tokens)"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this"));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
