package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Starting a chat on a case from the portal: offered only while an agent of the case's team is
 * available, refused with a readable reason otherwise, never on another customer's case, and one
 * live chat per case.
 */
class PortalChatTests extends PortalTestBase {

    private record Desk(UUID team, Caller agent) {}

    private Desk desk() {
        var team = newTeam();
        var mailbox = new LinkedHashMap<String, Object>();
        mailbox.put("address", "help-" + UUID.randomUUID().toString().substring(0, 8) + "@desk.example.com");
        mailbox.put("teamId", team);
        mailbox.put("inbound", Map.of("mode", "smtp"));
        assertThat(admin().post("/api/v1/mailboxes", mailbox).status()).isEqualTo(201);
        return new Desk(team, newAgent("agent", team));
    }

    private long caseFor(TestCustomer customer, UUID team) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Activation key gone",
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", customer.email()),
                                "message",
                                Map.of("body", "My activation key is gone.")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }

    private void available(Caller agent) {
        var set = agent.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    @Test
    void whileNobodyIsAvailableThereIsNoChatButtonAndStartingOneIsRefusedWithWhy() {
        var desk = desk();
        var maria = newCustomer("Maria Lopez");
        long number = caseFor(maria, desk.team());
        var session = signIn(maria);

        assertThat(session.get("/portal/cases/" + number).html().select("#chat-start"))
                .isEmpty();
        var refused = session.post("/portal/cases/" + number + "/chat", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#talk-error").text()).contains("Nobody can chat just now");
        assertThat(refused.html().select("#chat-widget")).isEmpty();
    }

    @Test
    void anAvailableAgentOffersTheChatAndStartingItHandsThePageTheWidgetOnce() {
        var desk = desk();
        available(desk.agent());
        var maria = newCustomer("Maria Lopez");
        long number = caseFor(maria, desk.team());
        var session = signIn(maria);
        assertThat(session.get("/portal/cases/" + number).html().select("#chat-start"))
                .hasSize(1);

        var started = session.post("/portal/cases/" + number + "/chat", Map.of());

        assertThat(started.status()).isEqualTo(302);
        var page = session.get("/portal/cases/" + number);
        var widget = page.html().select("script#chat-widget");
        assertThat(widget).hasSize(1);
        assertThat(widget.attr("data-token")).hasSize(43);
        assertThat(widget.attr("data-mailbox")).startsWith("help-");
        // The token is shown once: a reload does not hand it out again.
        assertThat(session.get("/portal/cases/" + number).html().select("script#chat-widget"))
                .isEmpty();
        // A chat she never wrote in gives way to a new one.
        assertThat(session.post("/portal/cases/" + number + "/chat", Map.of()).status())
                .isEqualTo(302);
    }

    @Test
    void aCustomerCannotStartAChatOnAnotherCustomersCase() {
        var desk = desk();
        available(desk.agent());
        var lee = newCustomer("Lee Chen");
        long leesCase = caseFor(lee, desk.team());
        var session = signIn(newCustomer("Maria Lopez"));
        session.get("/portal");

        var refused = session.post("/portal/cases/" + leesCase + "/chat", Map.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("data-token");
        var anonymous = browser();
        anonymous.get("/portal/sign-in");
        assertThat(anonymous
                        .post("/portal/cases/" + leesCase + "/chat", Map.of())
                        .location())
                .endsWith("/portal/sign-in");
    }
}
