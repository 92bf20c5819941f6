package dev.casekeeper.web;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Query and form parameters that used to answer 500 (bytes that are not UTF-8, NUL, dates no
 * calendar holds): the API refuses them with a problem naming the parameter, a page with a page a
 * person can read, and a form with the reason beside its field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestParametersTests extends ApiTestBase {

    private Caller admin;
    private Api api;

    @BeforeAll
    void signIn() {
        admin = newAgent("admin");
        api = admin.api();
    }

    @Test
    void refusesAQueryStringThatIsNotUtf8() {
        for (String bad : new String[] {"%FF%FE", "%ED%A0%80", "%C0%80"}) {
            var response = api.get("/api/v1/cases?q=" + bad);

            assertProblem(response, 400, "invalid-input");
            assertThat(response.json().get("detail").asString()).contains("UTF-8");
        }
        assertProblem(api.get("/api/v1/customers?limit=%FF"), 400, "invalid-input");
    }

    @Test
    void refusesNulInAQueryParameterNamingIt() {
        var response = api.get("/api/v1/cases?q=a%00b");

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsNamed(response)).containsExactly("q");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("NUL");
        assertThat(fieldsNamed(api.get("/api/v1/customers?q=%00"))).containsExactly("q");
    }

    @Test
    void refusesSinceAndUntilOutsideTheAcceptedDates() {
        var far = api.get("/api/v1/repeat-contacts?since=%2B999999999-12-31T23:59:59Z");
        assertProblem(far, 400, "invalid-input");
        assertThat(fieldsNamed(far)).containsExactly("since");
        assertThat(far.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must be between 1970-01-01 and 9999-12-31");
        assertThat(fieldsNamed(api.get("/api/v1/repeat-contacts?until=-999999999-01-01T00:00:00Z")))
                .containsExactly("until");
        assertThat(fieldsNamed(api.get("/api/v1/routing/abandoned?since=%2B10000-01-01T00:00:00Z")))
                .containsExactly("since");

        assertThat(api.get("/api/v1/repeat-contacts?since=2026-01-01T00:00:00Z").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/routing/abandoned?since=2026-01-01T00:00:00%2B01:00")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aNulInBasicCredentialsIsAWrongPassword() {
        var response = anonymous()
                .withBasic("nobody\u0000@casekeeper.test", "whatever")
                .post("/api/v1/tokens", null);

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void theSearchBoxWithBadInputAnswersAPageAPersonCanRead() {
        var browser = WebSession.anonymous(port).signIn(admin.email(), PASSWORD);

        for (String query : new String[] {"?q=%FF%FE", "?q=a%00b"}) {
            var page = browser.get("/" + query);

            assertThat(page.status()).as(page.toString()).isEqualTo(400);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.html().select(".error-page h1").text()).isEqualTo("That did not work");
            assertThat(page.html().select(".error-page").text()).containsAnyOf("UTF-8", "NUL");
        }
    }

    @Test
    void theNoteAndReplyFormsShowANulBesideTheBoxAndKeepTheCaseAsItWas() {
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var created = api.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        "NUL in a form",
                        "teamId",
                        team,
                        "requester",
                        Map.of("email", "form-" + UUID.randomUUID() + "@example.com"),
                        "message",
                        Map.of("body", "Hello")));
        long number = created.json().get("number").asLong();
        String id = created.json().get("id").asString();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/cases/" + number);

        var note = browser.postPart("/cases/" + number + "/notes", Map.of("body", "Checked the\u0000 licence server"));
        var reply = browser.postPart("/cases/" + number + "/replies", Map.of("body", "Hello\u0000", "seen", "1"));

        assertThat(note.status()).as(note.toString()).isEqualTo(422);
        assertThat(note.html().select("#note-error").text()).contains("cannot store");
        assertThat(note.html().select("#note-body").text()).contains("licence server");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.html().select("#reply-error").text()).contains("cannot store");
        assertThat(api.get("/api/v1/cases/" + id).json().get("timeline")).hasSize(1);
    }

    @Test
    void theSignInFormTakesANulAsAWrongPassword() {
        var result = WebSession.anonymous(port).tryToSignIn("admin\u0000@casekeeper.test", "x\u0000");

        assertThat(result.status()).as(result.toString()).isEqualTo(302);
        assertThat(result.location()).endsWith("/login");
    }
}
