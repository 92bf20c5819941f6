package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.TestClock;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may open what on the customers' side: the portal's pages need a signed-in customer, a
 * customer sees and answers only her own cases and only their public part, an agent's session does
 * not open the portal, and a customer's session opens no agent page and no agent API.
 */
class PortalAccessTests extends PortalTestBase {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/portal",
                "/portal/",
                "/portal/cases/1",
                "/portal/cases/" + "00000000-0000-0000-0000-000000000000"
            })
    void sendsAnyoneNotSignedInToTheSignInPage(String path) {
        var page = browser().get(path);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/portal/sign-in");
    }

    @Test
    void refusesARepliesPostedWithoutASignIn() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        var anonymous = browser();
        anonymous.get("/portal/sign-in");

        var posted = anonymous.post("/portal/cases/" + kase.getValue() + "/replies", Map.of("body", "Let me in"));

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/portal/sign-in");
        assertThat(timeline(kase.getKey())).hasSize(1);
    }

    @Test
    void theCustomerApiNeedsACustomerSession() {
        var response = anonymous().get("/api/portal/v1/cases");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("unauthorized");
    }

    @Test
    void aCustomerCannotOpenOrAnswerAnotherCustomersCaseByAnyNumberOrId() {
        var maria = newCustomer("Maria Lopez");
        var lee = newCustomer("Lee Chen");
        var leesCase = openCaseFor(lee, "Private matter of Lee", "My new address is 4 Elm Street.");
        var session = signIn(maria);

        for (String path : List.of(
                "/portal/cases/" + leesCase.getValue(),
                "/portal/cases/" + leesCase.getKey(),
                "/portal/cases/" + (leesCase.getValue() + 1),
                "/portal/cases/0",
                "/portal/cases/-1",
                "/portal/cases/99999999999")) {
            var page = session.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("Private matter of Lee", "Elm Street");
        }
        session.get("/portal");
        var reply = session.post("/portal/cases/" + leesCase.getValue() + "/replies", Map.of("body", "Mine now"));
        assertThat(reply.status()).isEqualTo(404);
        var blank = session.post("/portal/cases/" + leesCase.getValue() + "/replies", Map.of("body", ""));
        assertThat(blank.status()).isEqualTo(404);
        assertThat(timeline(leesCase.getKey())).hasSize(1);
        assertThat(session.get("/portal").body()).doesNotContain("Private matter of Lee");
    }

    @Test
    void showsOnlyTheCustomersMessagesAndTheRepliesToHer() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Wrong colour", "The curtain is blue, I ordered green.");
        var agent = newAgent("agent");
        agent.api().post("/api/v1/cases/" + kase.getKey() + "/assignment", Map.of("ownerId", agent.id()));
        agent.api().post("/api/v1/cases/" + kase.getKey() + "/notes", Map.of("body", "Internal: she is a VIP"));
        agent.api().post("/api/v1/cases/" + kase.getKey() + "/replies", Map.of("body", "We are sending a green one."));
        var session = signIn(maria);

        var page = session.get("/portal/cases/" + kase.getValue());

        assertThat(page.status()).isEqualTo(200);
        var timeline = page.html().select("#timeline");
        assertThat(timeline.select("li")).hasSize(2);
        assertThat(timeline.text())
                .contains("The curtain is blue, I ordered green.", "We are sending a green one.", "Agent")
                .doesNotContain("Internal", "VIP");
        assertThat(page.body()).doesNotContain("Internal: she is a VIP", agent.email());
    }

    @Test
    void listsTheCustomersCasesWithTheirOpenPromises() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Return: blue socks", "Wrong socks.");
        var agent = newAgent("agent");
        agent.api().post("/api/v1/cases/" + kase.getKey() + "/assignment", Map.of("ownerId", agent.id()));
        var promised = agent.api()
                .post(
                        "/api/v1/cases/" + kase.getKey() + "/promises",
                        Map.of(
                                "text",
                                "Email the tracking number",
                                "dueAt",
                                TestClock.INSTANCE.instant().plus(Duration.ofDays(1))));
        assertThat(promised.status()).as(promised.toString()).isEqualTo(201);
        var session = signIn(maria);

        var row = session.get("/portal").html().select("#requests li[data-number=" + kase.getValue() + "]");

        assertThat(row.text())
                .contains("#" + kase.getValue() + ": Return: blue socks", "Received, not answered yet")
                .contains("Email the tracking number");
        assertThat(row.select(".portal-status").text()).isNotEqualTo("open");
    }

    @Test
    void aReplyIsAddedToTheCaseAndABlankOneChangesNothing() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        var session = signIn(maria);
        session.get("/portal/cases/" + kase.getValue());

        var blank = session.post("/portal/cases/" + kase.getValue() + "/replies", Map.of("body", "   "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.html().select("#reply-error").text()).isEqualTo("Write your message before sending it.");
        assertThat(timeline(kase.getKey())).hasSize(1);

        var sent = session.post("/portal/cases/" + kase.getValue() + "/replies", Map.of("body", "I tried again."));
        assertThat(sent.location()).endsWith("/portal/cases/" + kase.getValue());
        var last = timeline(kase.getKey()).getLast();
        assertThat(last.get("body").asString()).isEqualTo("I tried again.");
        assertThat(last.get("kind").asString()).isEqualTo("message_in");
        assertThat(session.get("/portal/cases/" + kase.getValue())
                        .html()
                        .select("#timeline")
                        .text())
                .contains("I tried again.");
    }

    @Test
    void aReplyToAClosedCaseOpensALinkedFollowUpCase() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        assertThat(admin().patch("/api/v1/cases/" + kase.getKey(), Map.of("status", "solved"))
                        .status())
                .isEqualTo(200);
        assertThat(admin().patch("/api/v1/cases/" + kase.getKey(), Map.of("status", "closed"))
                        .status())
                .isEqualTo(200);
        var session = signIn(maria);
        session.get("/portal/cases/" + kase.getValue());

        var sent = session.post("/portal/cases/" + kase.getValue() + "/replies", Map.of("body", "It is gone again."));

        String location = sent.location();
        long followUp = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(followUp).isNotEqualTo(kase.getValue());
        var page = session.get("/portal/cases/" + followUp);
        assertThat(page.html().select("#reply-sent").text()).contains("#" + kase.getValue(), "#" + followUp);
        assertThat(page.html().select("#timeline").text()).contains("It is gone again.");
        assertThat(timeline(kase.getKey())).hasSize(1);
    }

    @Test
    void anAgentsSessionDoesNotOpenThePortal() {
        var agent = newAgent("admin");
        var session = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        assertThat(session.get("/").status()).isEqualTo(200);

        var portal = session.get("/portal");

        assertThat(portal.status()).isEqualTo(302);
        assertThat(portal.location()).endsWith("/portal/sign-in");
    }

    @Test
    void aCustomersSessionOpensNoAgentPageAndNoAgentApi() {
        var maria = newCustomer("Maria Lopez");
        var kase = openCaseFor(maria, "Lost key", "My key is gone.");
        var session = signIn(maria);

        for (String path : List.of("/", "/cases/" + kase.getValue(), "/admin/agents", "/followups", "/account")) {
            var page = session.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
        for (String path : List.of("/api/v1/cases", "/api/v1/cases/" + kase.getKey(), "/api/v1/customers")) {
            assertThat(session.get(path, Map.of("Accept", "application/json")).status())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(session.get("/portal").status()).isEqualTo(200);
    }

    @Test
    void signingOutEndsThePortalSession() {
        var maria = newCustomer("Maria Lopez");
        var session = signIn(maria);
        session.get("/portal");

        var out = session.post("/portal/sign-out", Map.of());

        assertThat(out.location()).endsWith("/portal/sign-in?signedOut");
        assertThat(session.get("/portal").location()).endsWith("/portal/sign-in");
    }

    private List<tools.jackson.databind.JsonNode> timeline(UUID caseId) {
        return admin().get("/api/v1/cases/" + caseId)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().startsWith("message"))
                .toList();
    }
}
