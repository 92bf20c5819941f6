package dev.casekeeper.counter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.casekeeper.support.ApiTestBase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The counter's public pages over real HTTP, as a kiosk and a waiting-room screen reach them: no
 * sign-in, a refused form that changes nothing, the board's event stream announcing a change, and
 * the walk-in mailed when called (GreenMail). The desk and admin pages stay closed to the public.
 */
class CounterPagesTests extends ApiTestBase {

    static final String MAIL_FROM = "counter@casekeeper.test";
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static {
        MAIL.start();
    }

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeEach
    void counterMailboxSendsToGreenMail() {
        var body = Map.of(
                "address",
                MAIL_FROM,
                "name",
                "Department store",
                "inbound",
                Map.of("mode", "smtp"),
                "outbound",
                Map.of("host", "localhost", "port", MAIL.getSmtp().getPort(), "security", "none"));
        var existing = admin().get("/api/v1/mailboxes")
                .json()
                .valueStream()
                .filter(m -> m.get("address").asString().equals(MAIL_FROM))
                .findFirst();
        var saved = existing.isPresent()
                ? admin().send(
                                "PUT",
                                "/api/v1/mailboxes/" + existing.get().get("id").asString(),
                                body)
                : admin().post("/api/v1/mailboxes", body);
        assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
    }

    private JsonNode location(UUID team) {
        var slug = "line-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin().post("/api/v1/counter/locations", Map.of("name", "Returns line", "slug", slug));
        var id = created.json().get("id").asString();
        admin().post(
                        "/api/v1/counter/locations/" + id + "/reasons",
                        Map.of("label", "Returns and exchanges", "code", "R", "teamId", team));
        return admin().get("/api/v1/counter/locations/" + id).json();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        var csrf = CSRF.matcher(get(path).body());
        assertThat(csrf.find()).isTrue();
        var fields = new java.util.LinkedHashMap<>(form);
        fields.put("_csrf", csrf.group(1));
        var body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWalkInTakesATicketAtTheKioskWithoutSigningIn() throws Exception {
        var store = location(newTeam());
        var kiosk = "/counter/kiosk/" + store.get("slug").asString();

        var taken = postForm(
                kiosk,
                Map.of(
                        "firstName", "Deon",
                        "reasonId", store.get("reasons").get(0).get("id").asString(),
                        "phone", "+1 555 0193"));

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(302);
        var slip = get(taken.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.body()).contains("R-001", "Hello Deon", "You are next.");
        assertThat(slip.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'");
    }

    @Test
    void aRefusedKioskFormSaysWhatToFixAndTakesNoTicket() throws Exception {
        var store = location(newTeam());
        var kiosk = "/counter/kiosk/" + store.get("slug").asString();

        var refused = postForm(kiosk, Map.of("firstName", "  ", "email", "not an address"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"error-firstName\"", "id=\"error-reasonId\"");
        assertThat(admin().get("/api/v1/counter/locations/" + store.get("id").asString() + "/tickets")
                        .json()
                        .size())
                .isZero();

        var badEmail = postForm(
                kiosk,
                Map.of(
                        "firstName",
                        "Tom",
                        "reasonId",
                        store.get("reasons").get(0).get("id").asString(),
                        "email",
                        "not an address"));
        assertThat(badEmail.statusCode()).isEqualTo(422);
        assertThat(badEmail.body()).contains("id=\"error-email\"").contains("value=\"Tom\"");
        var nul = postForm(
                kiosk,
                Map.of(
                        "firstName",
                        "Jan\u0000elle",
                        "reasonId",
                        store.get("reasons").get(0).get("id").asString()));
        assertThat(nul.statusCode()).isEqualTo(422);
        assertThat(nul.body()).contains("id=\"error-firstName\"");
        assertThat(admin().get("/api/v1/counter/locations/" + store.get("id").asString() + "/tickets")
                        .json()
                        .size())
                .isZero();
        assertThat(get("/counter/kiosk/no-such-place").statusCode()).isEqualTo(404);
    }

    @Test
    void theBoardStreamAnnouncesEachChangeOfTheLine() throws Exception {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var store = location(team);
        var events = new CopyOnWriteArrayList<String>();
        var stream = browser.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/counter/board/"
                                + store.get("slug").asString() + "/events"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        var lines = stream.get().body();
        Thread.ofVirtual().start(() -> {
            try {
                lines.filter(l -> l.startsWith("event:")).forEach(events::add);
            } catch (RuntimeException e) {
                // The test closed the stream.
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("event:hello"));

        agent.api()
                .post(
                        "/api/v1/counter/locations/" + store.get("id").asString() + "/tickets",
                        Map.of(
                                "firstName",
                                "Aisha",
                                "reasonId",
                                store.get("reasons").get(0).get("id").asString()));

        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("event:line"));
        var board = get("/counter/board/" + store.get("slug").asString() + "/now");
        assertThat(board.body()).contains("R-001").doesNotContain("Aisha");
        lines.close();
    }

    @Test
    void aWalkInWhoLeftAnEmailIsMailedWhenCalled() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var store = location(team);
        var email = "janelle-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        agent.api()
                .post(
                        "/api/v1/counter/locations/" + store.get("id").asString() + "/tickets",
                        Map.of(
                                "firstName",
                                "Janelle",
                                "reasonId",
                                store.get("reasons").get(0).get("id").asString(),
                                "email",
                                email));
        agent.api()
                .send(
                        "PUT",
                        "/api/v1/counter/desk",
                        Map.of("locationId", store.get("id").asString(), "desk", "Desk 4"));

        agent.api().post("/api/v1/counter/desk/next", null);

        var sent = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Arrays.stream(MAIL.getReceivedMessages())
                                .filter(m -> GreenMailUtil.getWholeMessage(m).contains(email))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(GreenMailUtil.getBody(sent)).contains("Janelle", "R-001", "Desk 4");
    }

    @Test
    void theDeskAndTheAdminPageAreNotPublic() throws Exception {
        assertThat(get("/counter/desk").statusCode()).isEqualTo(302);
        assertThat(get("/admin/counter").statusCode()).isEqualTo(302);
        assertThat(get("/counter/board/no-such-place").statusCode()).isEqualTo(404);
    }
}
