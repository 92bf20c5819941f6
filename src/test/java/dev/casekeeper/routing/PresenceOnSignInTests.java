package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentSignedIn;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Presence follows signing in and out, through the sign-in form and the real routing: an agent who
 * signs out is Away and their open offer goes to a colleague; signing in leaves them Away unless the
 * desk chose to start agents Available.
 */
class PresenceOnSignInTests extends ApiTestBase {

    @Autowired
    AgentPresence presence;

    @Autowired
    AgentStateQueries states;

    @Test
    void anAgentWhoSignsOutIsAwayAndTheirOfferGoesToAColleague() {
        var team = newTeam();
        var alex = newAgent("agent", team);
        var sam = newAgent("agent", team);
        var browser = WebSession.anonymous(port).signIn(alex.email(), PASSWORD);
        browser.get("/");
        alex.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));
        var caseId = openCase(alex.api(), team, "Router blinks red");
        var contact = alex.api()
                .post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"))
                .json();
        assertThat(contact.get("state").asString()).isEqualTo("offered");
        sam.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));

        var out = browser.post("/logout", Map.of());

        assertThat(out.location()).endsWith("/login?signedOut");
        assertThat(presenceOf(alex)).isEqualTo("away");
        assertThat(alex.api().get("/api/v1/routing/me").json().get("contacts").size())
                .isZero();
        var mine = sam.api().get("/api/v1/routing/me").json().get("contacts");
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("id").asString()).isEqualTo(contact.get("id").asString());
        assertThat(WebSession.anonymous(port).get("/login?signedOut").text()).contains("Away");
    }

    @Test
    void signingInLeavesAnAgentAwayByDefault() {
        var team = newTeam();
        var alex = newAgent("agent", team);
        var caseId = openCase(alex.api(), team, "Cannot print invoices");
        var contact = alex.api()
                .post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"))
                .json();

        WebSession.anonymous(port).signIn(alex.email(), PASSWORD).get("/");

        assertThat(presenceOf(alex)).isEqualTo("away");
        assertThat(alex.api()
                        .get("/api/v1/routing/contacts/" + contact.get("id").asString())
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("waiting");
    }

    @Test
    void withAvailableOnSignInAnAgentWhoSignsInIsOfferedWhatWaits() {
        var team = newTeam();
        var alex = newAgent("agent", team);
        var caseId = openCase(alex.api(), team, "Refund for order 1182");
        var contact = alex.api()
                .post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"))
                .json();
        var availableOnSignIn = new PresenceOnSignIn(presence, states, new PresenceSettings(true));

        availableOnSignIn.on(new AgentSignedIn(new AgentId(alex.id())));

        assertThat(presenceOf(alex)).isEqualTo("available");
        assertThat(alex.api()
                        .get("/api/v1/routing/contacts/" + contact.get("id").asString())
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("offered");
    }

    private String presenceOf(Caller agent) {
        return agent.api()
                .get("/api/v1/routing/me")
                .json()
                .get("routing")
                .get("presence")
                .asString();
    }
}
