package dev.casekeeper.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details (RFC 9457) with a stable {@code code} that programs can switch on. */
final class Problems {

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:casekeeper:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
