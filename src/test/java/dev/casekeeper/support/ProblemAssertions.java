package dev.casekeeper.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on RFC 9457 problem details as the API writes them. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    /** The response is a problem detail with this status and {@code code}. */
    public static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }

    /** The fields a 400 problem names in its {@code errors}, in the order given. */
    public static List<String> fieldsNamed(Api.Response problem) {
        assertThat(problem.json().has("errors")).as(problem.toString()).isTrue();
        return problem.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }
}
