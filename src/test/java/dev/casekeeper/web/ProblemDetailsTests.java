package dev.casekeeper.web;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal is an RFC 9457 problem detail that says what went wrong and, for bad input, where. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemDetailsTests extends ApiTestBase {

    private Api agent;

    @BeforeAll
    void signIn() {
        agent = newAgent("agent").api();
    }

    @Test
    void refusesMalformedJson() {
        var response = agent.post("/api/v1/customers", "{\"displayName\": \"Paula\", \"emails\": [");

        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().get("detail").asString()).containsIgnoringCase("JSON");
    }

    @Test
    void namesTheFieldThatHasAValueOfTheWrongType() {
        var response =
                agent.post("/api/v1/customers", Map.of("emails", List.of(uniqueEmail()), "fields", List.of("gender")));

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactly("fields");
    }

    @Test
    void namesANestedFieldThatHasAValueOfTheWrongType() {
        var response = agent.post(
                "/api/v1/cases",
                Map.of(
                        "subject", "Wrong colour",
                        "requester", Map.of("email", Map.of("address", uniqueEmail())),
                        "message", Map.of("body", "The shower curtain is green, I ordered blue.")));

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactly("requester.email");
    }

    @Test
    void namesEveryMissingField() {
        var response = agent.post("/api/v1/cases", Map.of("requester", Map.of("name", "Paula")));

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactlyInAnyOrder("subject", "requester.email", "message");
    }

    @Test
    void namesAQueryParameterOutOfRange() {
        var response = agent.get("/api/v1/customers?limit=0");

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactly("limit");
    }

    @Test
    void namesAQueryParameterOfTheWrongType() {
        var response = agent.get("/api/v1/customers?limit=many");

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactly("limit");
    }

    @Test
    void answersNotFoundForUnknownAndMalformedIds() {
        assertProblem(agent.get("/api/v1/customers/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(agent.get("/api/v1/cases/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(agent.get("/api/v1/customers/not-an-id"), 404, "not-found");
    }

    static Stream<Arguments> refusals() {
        Function<ProblemDetailsTests, Api.Response> unknownPath = t -> t.agent.get("/api/v1/nothing-here");
        return Stream.of(
                refusal("no token", t -> t.anonymous().get("/api/v1/customers"), 401),
                refusal(
                        "revoked token",
                        t -> t.anonymous().withToken("ck_revoked").get("/api/v1/customers"),
                        401),
                refusal(
                        "wrong password",
                        t -> t.anonymous()
                                .withBasic(ADMIN_EMAIL, "wrong password")
                                .post("/api/v1/tokens", null),
                        401),
                refusal("role may not", t -> t.agent.get("/api/v1/agents"), 403),
                refusal("malformed JSON", t -> t.agent.post("/api/v1/customers", "{"), 400),
                refusal("no body", t -> t.agent.post("/api/v1/customers", null), 400),
                refusal(
                        "invalid field",
                        t -> t.agent.post("/api/v1/customers", Map.of("emails", List.of("not an email"))),
                        400),
                refusal("bad parameter", t -> t.agent.get("/api/v1/customers?limit=1000"), 400),
                refusal("unknown id", t -> t.agent.get("/api/v1/customers/" + UUID.randomUUID()), 404),
                refusal("unknown path", unknownPath, 404),
                refusal("method not allowed", t -> t.agent.delete("/api/v1/customers"), 405),
                refusal(
                        "media type",
                        t -> t.agent.with("Content-Type", "text/plain").send("POST", "/api/v1/customers", null),
                        415),
                refusal("URL the firewall refuses", t -> t.agent.get("/api/v1/customers;jsessionid=1"), 400),
                refusal(
                        "conflict",
                        t -> {
                            String email = uniqueEmail();
                            t.agent.post("/api/v1/customers", Map.of("emails", List.of(email)));
                            return t.agent.post("/api/v1/customers", Map.of("emails", List.of(email)));
                        },
                        409));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyRefusalIsAProblemDetail(Function<ProblemDetailsTests, Api.Response> call, int status) {
        var response = call.apply(this);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        var problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("code").asString()).matches("[a-z]+(-[a-z]+)*");
    }

    private static Arguments refusal(String name, Function<ProblemDetailsTests, Api.Response> call, int status) {
        return Arguments.of(Named.of(name, call), status);
    }

    private static String uniqueEmail() {
        return "problem-" + UUID.randomUUID() + "@example.com";
    }
}
