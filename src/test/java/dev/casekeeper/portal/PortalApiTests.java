package dev.casekeeper.portal;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The customer's own API under {@code /api/portal/v1}: signing in with an emailed code, her cases a
 * page at a time, one case with its public timeline, replying, solving, reopening, rating, who she
 * is and her data. Only with the portal's session (never an agent's token or session), writes only
 * with the session's CSRF token, and another customer's case is not found by any number.
 */
class PortalApiTests extends PortalTestBase {

    /** Every operation of the customer API with an example path; {@code open} ones need no session. */
    record Operation(
            String method,
            String pattern,
            String path,
            @Nullable Object body,
            boolean open) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static List<Operation> operations(long number) {
        String kase = "/api/portal/v1/cases/" + number;
        return List.of(
                new Operation("GET", "/api/portal/v1/csrf", "/api/portal/v1/csrf", null, true),
                new Operation(
                        "POST",
                        "/api/portal/v1/sign-in",
                        "/api/portal/v1/sign-in",
                        Map.of("email", "x@example.com"),
                        true),
                new Operation(
                        "POST",
                        "/api/portal/v1/sign-in/code",
                        "/api/portal/v1/sign-in/code",
                        Map.of("code", "000000"),
                        true),
                new Operation("POST", "/api/portal/v1/sign-out", "/api/portal/v1/sign-out", null, true),
                new Operation("GET", "/api/portal/v1/me", "/api/portal/v1/me", null, false),
                new Operation("GET", "/api/portal/v1/my-data", "/api/portal/v1/my-data", null, false),
                new Operation("GET", "/api/portal/v1/cases", "/api/portal/v1/cases", null, false),
                new Operation("GET", "/api/portal/v1/cases/{number}", kase, null, false),
                new Operation(
                        "POST",
                        "/api/portal/v1/cases/{number}/replies",
                        kase + "/replies",
                        Map.of("body", "Hi"),
                        false),
                new Operation("POST", "/api/portal/v1/cases/{number}/solve", kase + "/solve", null, false),
                new Operation("POST", "/api/portal/v1/cases/{number}/reopen", kase + "/reopen", null, false),
                new Operation(
                        "PUT",
                        "/api/portal/v1/cases/{number}/rating",
                        kase + "/rating",
                        Map.of("score", "good"),
                        false));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theListNamesEveryOperationOfTheCustomerApi() {
        var mapped = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/portal/"))
                        .flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
                                .map(method -> method.name() + " " + pattern)))
                .distinct()
                .toList();

        assertThat(operations(1).stream().map(Operation::toString)).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void signsInWithTheEmailedCodeAndPagesThroughHerCasesNewestFirst() {
        var maria = newCustomer("Maria Lopez");
        var first = openCaseFor(maria, "First request", "One.");
        var second = openCaseFor(maria, "Second request", "Two.");
        var third = openCaseFor(maria, "Third request", "Three.");
        var client = signInByApi(maria);

        var me = client.get("/api/portal/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("displayName").asString()).isEqualTo("Maria Lopez");
        assertThat(me.json().get("identities").get(0).get("value").asString()).isEqualTo(maria.email());
        assertThat(me.json().get("identities").get(0).get("verified").asBoolean())
                .isTrue();

        var page = client.get("/api/portal/v1/cases?limit=2");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(numbers(page)).containsExactly(third.getValue(), second.getValue());
        String cursor = page.json().get("nextCursor").asString();
        var rest = client.get("/api/portal/v1/cases?limit=2&cursor=" + cursor);
        assertThat(numbers(rest)).containsExactly(first.getValue());
        assertThat(rest.json().get("nextCursor").isNull()).isTrue();
        var item = rest.json().get("items").get(0);
        assertThat(item.get("subject").asString()).isEqualTo("First request");
        assertThat(item.get("status").asString()).isEqualTo("new");
        assertThat(item.get("statusText").asString()).isEqualTo("Received, not answered yet");

        var german = client.with("Accept-Language", "de").get("/api/portal/v1/cases?limit=1");
        assertThat(german.json().get("items").get(0).get("statusText").asString())
                .isNotEqualTo("Received, not answered yet");
    }

    @Test
    void readsRepliesToSolvesReopensAndRatesHerCase() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Activation key gone", "My activation key is gone.");
        var note =
                admin().post("/api/v1/cases/" + kase.getKey() + "/notes", Map.of("body", "Internal: check licence DB"));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        var client = signInByApi(maria);
        String path = "/api/portal/v1/cases/" + kase.getValue();

        var reply = client.post(path + "/replies", Map.of("body", "Any news?"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("number").asLong()).isEqualTo(kase.getValue());
        assertThat(reply.json().get("followUp").asBoolean()).isFalse();

        var view = client.get(path);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json()
                        .get("messages")
                        .valueStream()
                        .map(m -> m.get("text").asString()))
                .containsExactly("My activation key is gone.", "Any news?");
        assertThat(view.text()).doesNotContain("Internal: check licence DB");
        assertThat(view.json().get("actions").get("maySolve").asBoolean()).isTrue();

        var notYet = client.put(path + "/rating", Map.of("score", "good"));
        assertProblem(notYet, 409, "not-solved");

        var solved = client.post(path + "/solve", null);
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
        assertThat(solved.json().get("summary").get("status").asString()).isEqualTo("solved");
        assertThat(solved.json().get("actions").get("reopenUntil").isNull()).isFalse();

        var badScore = client.put(path + "/rating", Map.of("score", "great"));
        assertProblem(badScore, 400, "invalid-input");
        var rated = client.put(path + "/rating", Map.of("score", "good", "comment", "Quick, thanks"));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        assertThat(rated.json().get("score").asString()).isEqualTo("good");
        assertThat(client.get(path)
                        .json()
                        .get("actions")
                        .get("rating")
                        .get("comment")
                        .asString())
                .isEqualTo("Quick, thanks");

        var reopened = client.post(path + "/reopen", null);
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().get("summary").get("status").asString()).isEqualTo("open");
        assertProblem(client.post(path + "/reopen", null), 409, "not-solved");
    }

    @Test
    void repliesWithAFileAsAMultipartFormAndRefusesOneThatIsNotWhatItsNameSays() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Broken screen", "It cracked.");
        var client = signInByApi(maria);
        String path = "/api/portal/v1/cases/" + kase.getValue();

        var refused = client.postFile(path + "/replies", "Photo", "photo.png", "<html>no</html>".getBytes());
        assertProblem(refused, 400, "invalid-input");
        assertThat(refused.text()).contains("photo.png");
        assertThat(timeline(kase.getKey())).hasSize(1);

        var sent = client.postFile(path + "/replies", "Photo attached.", "photo.png", PortalAttachmentsTests.PNG);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        var file = client.get(path).json().get("messages").get(1).get("files").get(0);
        assertThat(file.get("filename").asString()).isEqualTo("photo.png");
        assertThat(file.get("contentType").asString()).isEqualTo("image/png");
        assertThat(client.downloadStatus(file.get("url").asString())).isEqualTo(200);
        assertThat(signInByApi(newCustomer("Lee Chen"))
                        .downloadStatus(file.get("url").asString()))
                .isEqualTo(404);
    }

    @Test
    void anotherCustomersCaseIsNotFoundByItsNumberOrAnyGuess() {
        var lee = newCustomer("Lee Chen");
        var leesCase = openCaseFor(lee, "Private matter of Lee", "My new address is 4 Elm Street.");
        var maria = newCustomer("Maria Lopez");
        openCaseFor(maria, "Her own", "Mine.");
        var client = signInByApi(maria);

        for (long guess : List.of(leesCase.getValue(), leesCase.getValue() + 100_000, 0L, -1L, 99_999_999_999L)) {
            for (var operation : operations(guess)) {
                if (operation.open() || !operation.pattern().contains("{number}")) {
                    continue;
                }
                var response = client.send(operation.method(), operation.path(), operation.body());
                assertProblem(response, 404, "not-found");
                assertThat(response.text()).doesNotContain("Private matter", "Elm Street");
            }
        }
        assertProblem(client.get("/api/portal/v1/cases/" + leesCase.getKey()), 404, "not-found");
        assertThat(client.get("/api/portal/v1/cases?limit=100").text()).doesNotContain("Private matter");
        assertThat(client.get("/api/portal/v1/my-data").text()).doesNotContain("Private matter", "Elm Street");
        assertThat(timeline(leesCase.getKey())).hasSize(1);
        assertThat(admin().get("/api/v1/cases/" + leesCase.getKey())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("new");
    }

    @Test
    void refusesEveryCallWithoutAPortalSessionEvenAnAgentsTokenOrSession() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        var agentBrowser = browser().signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        for (var operation : operations(kase.getValue())) {
            if (operation.open()) {
                continue;
            }
            assertProblem(
                    newClient().send(operation.method(), operation.path(), operation.body()), 401, "unauthorized");
            var withToken = newClient().with("Authorization", "Bearer " + tokenFor(ADMIN_EMAIL, ADMIN_PASSWORD));
            assertProblem(withToken.send(operation.method(), operation.path(), operation.body()), 401, "unauthorized");
        }
        assertThat(agentBrowser.get("/api/portal/v1/cases").status()).isEqualTo(401);
        assertThat(timeline(kase.getKey())).hasSize(1);
    }

    @Test
    void refusesAWriteWithoutTheSessionsCsrfTokenAndChangesNothing() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        var client = signInByApi(maria).withoutCsrf();

        var forged = client.post("/api/portal/v1/cases/" + kase.getValue() + "/replies", Map.of("body", "Forged"));

        assertProblem(forged, 403, "csrf-token");
        assertThat(timeline(kase.getKey())).hasSize(1);
    }

    @Test
    void answersTheSameForAnUnknownAddressAndSendsItNoMail() {
        String unknown = "nobody-" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.com";
        var client = newClient();

        var asked = client.post("/api/portal/v1/sign-in", Map.of("email", unknown));

        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertProblem(client.post("/api/portal/v1/sign-in/code", Map.of("code", "123456")), 400, "invalid-input");
        assertProblem(client.get("/api/portal/v1/me"), 401, "unauthorized");
        assertProblem(client.post("/api/portal/v1/sign-in", Map.of("email", "not an address")), 400, "invalid-input");
        assertThat(mailsTo(unknown)).isEmpty();
    }

    @Test
    void refusesBadPagingAndBlankRepliesWithAProblemAndChangesNothing() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        var client = signInByApi(maria);

        assertProblem(client.get("/api/portal/v1/cases?limit=0"), 400, "invalid-input");
        assertProblem(client.get("/api/portal/v1/cases?limit=101"), 400, "invalid-input");
        assertProblem(client.get("/api/portal/v1/cases?cursor=garbage"), 400, "invalid-input");
        assertProblem(
                client.post("/api/portal/v1/cases/" + kase.getValue() + "/replies", Map.of("body", "  ")),
                400,
                "invalid-input");
        assertProblem(
                client.post("/api/portal/v1/cases/" + kase.getValue() + "/replies", Map.of()), 400, "invalid-input");
        assertThat(timeline(kase.getKey())).hasSize(1);
    }

    @Test
    void signingOutEndsTheSession() {
        var maria = newCustomer("Maria Lopez");
        var client = signInByApi(maria);

        assertThat(client.post("/api/portal/v1/sign-out", null).status()).isEqualTo(204);

        assertProblem(client.get("/api/portal/v1/me"), 401, "unauthorized");
    }

    @Test
    void theApiDocumentDescribesTheCustomerApi() {
        var paths = anonymous().get("/v3/api-docs").json().get("paths").propertyNames();

        assertThat(paths).contains("/api/portal/v1/cases", "/api/portal/v1/cases/{number}", "/api/portal/v1/me");
    }

    private PortalApiClient newClient() {
        var random = ThreadLocalRandom.current();
        return new PortalApiClient(
                port, "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 255) + "." + random.nextInt(1, 255));
    }

    private PortalApiClient signInByApi(TestCustomer customer) {
        var client = newClient();
        int before = mailsTo(customer.email()).size();
        var asked = client.post("/api/portal/v1/sign-in", Map.of("email", customer.email()));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        String code = code(awaitMail(customer.email(), before + 1));
        var signedIn = client.post("/api/portal/v1/sign-in/code", Map.of("code", code));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.json().get("id").asString()).isEqualTo(customer.id().toString());
        return client;
    }

    private static List<Long> numbers(Api.Response page) {
        var numbers = new ArrayList<Long>();
        page.json().get("items").forEach(item -> numbers.add(item.get("number").asLong()));
        return numbers;
    }

    /** The case's messages, as an agent sees them. */
    private List<?> timeline(java.util.UUID caseId) {
        return admin().get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().startsWith("message"))
                .toList();
    }
}
