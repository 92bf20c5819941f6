package dev.casekeeper.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem details (RFC 9457) with a stable {@code code} that programs can switch on. */
final class Problems {

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        setCode(problem, code);
        return problem;
    }

    static void setCode(ProblemDetail problem, String code) {
        problem.setType(URI.create("urn:casekeeper:problem:" + code));
        problem.setProperty("code", code);
    }

    static boolean hasCode(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey("code");
    }

    /** The code of a refusal no rule of ours named: bad input is bad input, else the status in words. */
    static String codeFor(HttpStatusCode status) {
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            return "invalid-input";
        }
        var known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
