package dev.casekeeper.web;

import dev.casekeeper.shared.StorableText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query and form parameters, before anything reads them (the CSRF check, the sign-in form, the
 * controllers): parameters that are not percent-encoded UTF-8, or a form too large, are refused
 * with 400 (413), not a 500 from whichever code asked first. A parameter holding text Casekeeper
 * cannot store ({@link StorableText}) is refused with 400 naming it, except in forms a page posts:
 * the form shows that error beside its field ({@link FormText}).
 */
class RequestParameters extends OncePerRequestFilter {

    /** A request attribute the error page shows as its text. */
    static final String DETAIL = "detail";

    private final JsonMapper json;

    RequestParameters(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            boolean tooLarge = e instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413;
            refuse(
                    request,
                    response,
                    tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    tooLarge
                            ? "The form is larger than Casekeeper takes"
                            : "The request's parameters are not valid percent-encoded UTF-8",
                    null);
            return;
        }
        if (!isPageForm(request)) {
            for (var parameter : parameters.entrySet()) {
                String bad = !StorableText.isStorable(parameter.getKey())
                        ? parameter.getKey()
                        : firstUnstorable(parameter.getValue());
                if (bad != null) {
                    String problem = StorableText.problem(bad);
                    refuse(
                            request,
                            response,
                            HttpStatus.BAD_REQUEST,
                            "The parameter " + parameter.getKey() + " " + problem,
                            new ProblemResponses.FieldError(parameter.getKey(), problem));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static @Nullable String firstUnstorable(String[] values) {
        for (String value : values) {
            if (!StorableText.isStorable(value)) {
                return value;
            }
        }
        return null;
    }

    private static boolean isPageForm(HttpServletRequest request) {
        String type = request.getContentType();
        return PageErrors.isPage(request)
                && !"GET".equals(request.getMethod())
                && type != null
                && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                        || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    private void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            ProblemResponses.@Nullable FieldError error)
            throws IOException {
        if (PageErrors.isPage(request)) {
            request.setAttribute(DETAIL, detail);
            response.sendError(status.value());
            return;
        }
        var problem = Problems.of(
                status, status == HttpStatus.BAD_REQUEST ? "invalid-input" : Problems.codeFor(status), detail);
        if (error != null) {
            problem.setProperty("errors", List.of(error));
        }
        ProblemWriter.write(json, response, problem);
    }
}
