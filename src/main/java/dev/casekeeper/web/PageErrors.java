package dev.casekeeper.web;

import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors on pages are pages: a 404 or 403 page a person can read, not a problem document. The API,
 * actuator and API docs keep their problem details. Refusals by Spring Security are left to its
 * filters (sign-in form, 403 page); a browser that went away (a closed live stream) gets nothing.
 */
class PageErrors implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception e) {
        if (!isPage(request)
                || response.isCommitted()
                || e instanceof AsyncRequestNotUsableException
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            return null;
        }
        if (e instanceof NotFoundException
                || e instanceof NoResourceFoundException
                || (e instanceof MethodArgumentTypeMismatchException mismatch
                        && mismatch.getParameter()
                                .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class))) {
            return page(response, HttpStatus.NOT_FOUND, "error/404", null);
        }
        if (e instanceof AccessDeniedException) {
            return page(response, HttpStatus.FORBIDDEN, "error/403", e.getMessage());
        }
        if (e instanceof ConflictException) {
            return page(response, HttpStatus.CONFLICT, "error/4xx", e.getMessage());
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return page(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "error/4xx",
                    "The parameter " + mismatch.getName() + " " + ParameterValues.whatIsWrong(mismatch));
        }
        if (e instanceof InvalidInputException || e instanceof MissingServletRequestParameterException) {
            return page(response, HttpStatus.BAD_REQUEST, "error/4xx", e.getMessage());
        }
        if (e instanceof BindException binding && !binding.getFieldErrors().isEmpty()) {
            // A form without a place for its errors: the first field that could not be taken, in words.
            var error = binding.getFieldErrors().getFirst();
            var mismatch =
                    error.contains(TypeMismatchException.class) ? error.unwrap(TypeMismatchException.class) : null;
            return page(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "error/4xx",
                    "The field " + error.getField() + " "
                            + (mismatch != null ? ParameterValues.whatIsWrong(mismatch) : error.getDefaultMessage()));
        }
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // Spring's own refusals: a method, media type or parameter the page does not take.
            var status = HttpStatus.valueOf(spring.getStatusCode().value());
            return page(response, status, status == HttpStatus.NOT_FOUND ? "error/404" : "error/4xx", null);
        }
        log.error("Unexpected error on page {}", request.getRequestURI(), e);
        return page(response, HttpStatus.INTERNAL_SERVER_ERROR, "error/5xx", null);
    }

    /** Everything but the JSON API, the actuator and the API document is a page. */
    static boolean isPage(HttpServletRequest request) {
        return isPagePath(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    static boolean isPagePath(String path) {
        return !(path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs"));
    }

    private static ModelAndView page(
            HttpServletResponse response, HttpStatus status, String view, @Nullable String message) {
        response.setStatus(status.value());
        var model = new java.util.HashMap<String, Object>(Map.of("status", status.value()));
        if (message != null) {
            model.put("detail", message);
        }
        return new ModelAndView(view, model, status);
    }
}
