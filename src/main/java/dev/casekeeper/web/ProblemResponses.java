package dev.casekeeper.web;

import dev.casekeeper.cases.IdempotencyKeyReusedException;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;

/** Turns refusals into problem details: the status says what kind, {@code code} which rule, and fields name the input. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemResponses.class);

    record FieldError(String field, String message) {}

    /**
     * Anything unexpected: logged with its stack trace, answered as a problem without internals.
     * Security exceptions go back to Spring Security, which answers 401 or 403.
     */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("Unexpected error", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Something went wrong on our side; nothing was changed. The error is in the server log.");
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidInputException e) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", e.getMessage());
        problem.setProperty(
                "errors",
                e.fieldErrors().entrySet().stream()
                        .map(error -> new FieldError(error.getKey(), error.getValue()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", e.getMessage());
    }

    /** A malformed id in the path names nothing: 404. A malformed query parameter is bad input: 400. */
    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Nothing is known by the id '" + e.getValue() + "'");
        }
        String wrong = ParameterValues.whatIsWrong(e);
        var problem =
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "The parameter " + e.getName() + " " + wrong);
        problem.setProperty("errors", List.of(new FieldError(e.getName(), wrong)));
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(
                        error.getField(), error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList());
    }

    private static ResponseEntity<Object> badRequest(List<FieldError> errors) {
        var sorted =
                errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        var problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "The request has invalid fields: "
                        + String.join(
                                ", ",
                                sorted.stream()
                                        .map(FieldError::field)
                                        .distinct()
                                        .toList()));
        problem.setProperty("errors", sorted);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Constraint failures on parameters and bodies of methods that validate several arguments. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<FieldError>();
        for (var result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors()
                        .forEach(error -> errors.add(new FieldError(
                                error.getField(),
                                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldError(
                                name == null ? "parameter" : name,
                                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
            }
        }
        return badRequest(errors);
    }

    /** Spring's own refusals (an unknown path, a method or media type the call does not take) get a code like ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && !Problems.hasCode(problem)) {
            Problems.setCode(problem, Problems.codeFor(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String message = null;
        // Only a value that does not fit its field names one; a syntax error part way through names nothing.
        if ((e.getCause() instanceof DatabindException || e.getCause() instanceof InputCoercionException)
                && e.getCause() instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse(null);
            message = BodyValues.whatIsWrong(jackson);
        }
        var problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                field == null
                        ? "The request body is not valid JSON for this call"
                        : "The field " + field + " " + message);
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldError(field, message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }
}
