package dev.casekeeper.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Routing's pages and htmx fragments over real HTTP: presence, offer cards, the case's contact panel, the supervisors' page. */
class RoutingPagesTests extends ApiTestBase {

    record Offered(long number, UUID caseId, String offerId) {}

    /** A chat in the team's queue, offered to the agent (who is made available). */
    private Offered offered(Caller agent, UUID team, String subject) {
        agent.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));
        var caseId = openCase(admin(), team, subject);
        var queued = agent.api().post("/api/v1/routing/contacts", Map.of("caseId", caseId, "channel", "chat"));
        // A sweep dispatching at the same moment may hold the contact's lock and make the offer itself.
        var offered = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> agent.api()
                                .get("/api/v1/routing/contacts/"
                                        + queued.json().get("id").asString())
                                .json(),
                        c -> c.get("state").asString().equals("offered"));
        long number =
                admin().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        return new Offered(number, caseId, offered.get("offerId").asString());
    }

    private WebSession signedIn(Caller who) {
        var browser = WebSession.anonymous(port).signIn(who.email(), PASSWORD);
        browser.get("/");
        return browser;
    }

    @Test
    void theTopBarShowsPresenceAndLoadAndChangingPresenceSaysRoutingChanged() {
        var agent = newAgent("agent", newTeam());
        var browser = signedIn(agent);

        assertThat(browser.get("/").html().select("#routing-presence[hx-get]")).isNotEmpty();
        var bar = browser.getPart("/routing/presence");
        assertThat(bar.html().select("#presence-select option[selected]").attr("value"))
                .isEqualTo("away");
        assertThat(bar.html().select("#routing-load").text()).isEqualTo("Chats 0/3");

        var changed = browser.postPart("/routing/presence", Map.of("presence", "available"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("HX-Trigger")).isEqualTo("routing-changed");
        assertThat(changed.html().select("#presence-select option[selected]").attr("value"))
                .isEqualTo("available");
        assertThat(browser.postPart("/routing/presence", Map.of("presence", "asleep"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anOfferCardShowsWhoWaitsWithWhatTheySaidAndAcceptingOpensTheCase() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var offer = offered(agent, team, "Activation key lost");
        var browser = signedIn(agent);

        var inbox = browser.getPart("/routing/inbox").html();

        var card = inbox.select("#offer-" + offer.offerId());
        assertThat(card).isNotEmpty();
        assertThat(card.select(".offer-customer").text()).isEqualTo("Maria Lopez");
        assertThat(card.select(".offer-case").text()).contains("#" + offer.number(), "Activation key lost");
        assertThat(card.select(".offer-said").text()).contains("My activation key is gone");
        assertThat(card.select("[data-countdown]").attr("data-until")).isNotBlank();

        var accepted = browser.postPart("/routing/offers/" + offer.offerId() + "/accept", Map.of());
        assertThat(accepted.header("HX-Redirect")).isEqualTo("/cases/" + offer.number());
        assertThat(browser.getPart("/routing/inbox").html().select(".offer-card"))
                .isEmpty();
        // Someone else's offer is not found.
        var stranger = signedIn(newAgent("agent", team));
        assertThat(stranger.postPart("/routing/offers/" + offer.offerId() + "/decline", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theCasePanelPutsTheContactOnHoldWithATimerAndResumesIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var offer = offered(agent, team, "Router keeps rebooting");
        agent.api().post("/api/v1/routing/offers/" + offer.offerId() + "/accept", null);
        var browser = signedIn(agent);

        assertThat(browser.get("/cases/" + offer.number()).html().select("#contact-panel[hx-get]"))
                .isNotEmpty();
        assertThat(browser.getPart("/cases/" + offer.number() + "/contact")
                        .html()
                        .select("#hold-button"))
                .isNotEmpty();

        var held = browser.postPart("/cases/" + offer.number() + "/contact/hold", Map.of());
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.html().select("#hold-timer").attr("data-since")).isNotBlank();
        assertThat(held.html().select("#resume-button")).isNotEmpty();

        var resumed = browser.postPart("/cases/" + offer.number() + "/contact/resume", Map.of());
        assertThat(resumed.html().select("#hold-timer")).isEmpty();
        assertThat(resumed.html().text()).contains("Held once");
    }

    @Test
    void theInvitingAgentTakesTheInvitationBackFromTheCasePanel() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var offer = offered(agent, team, "Router keeps rebooting");
        agent.api().post("/api/v1/routing/offers/" + offer.offerId() + "/accept", null);
        var browser = signedIn(agent);
        var invited = browser.postPart(
                "/cases/" + offer.number() + "/contact/invitations",
                Map.of(
                        "agentId",
                        colleague.id().toString(),
                        "reason",
                        "Router specialist",
                        "summary",
                        "Model X200 reboots every 5 min"));
        assertThat(invited.status()).isEqualTo(200);
        assertThat(colleague.api().get("/api/v1/routing/me/invitations").json()).hasSize(1);

        // The colleague sees who is invited, not the button: only the inviting agent may take it back.
        var colleaguesView = signedIn(colleague)
                .getPart("/cases/" + offer.number() + "/contact")
                .html();
        assertThat(colleaguesView.select(".invited").text()).contains("(invited)");
        assertThat(colleaguesView.select(".withdraw-invitation")).isEmpty();

        var form = browser.getPart("/cases/" + offer.number() + "/contact")
                .html()
                .select(".invited form")
                .first();
        assertThat(form).isNotNull();
        var withdrawn = browser.postPart(form.attr("hx-post"), Map.of());
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.html().select(".invited")).isEmpty();
        assertThat(colleague.api().get("/api/v1/routing/me/invitations").json()).isEmpty();
    }

    @Test
    void aWithdrawnOrDeclinedInvitationReachesTheOtherAgentsPageLive() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var offer = offered(agent, team, "Router keeps rebooting");
        String contact = agent.api()
                .post("/api/v1/routing/offers/" + offer.offerId() + "/accept", null)
                .json()
                .get("id")
                .asString();
        var agentsPage = signedIn(agent).events("/live/events");
        var colleaguesPage = signedIn(colleague).events("/live/events");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> agentsPage.contains("hello {}") && colleaguesPage.contains("hello {}"));
        var invite = Map.of(
                "agentId", colleague.id(), "reason", "Router specialist", "summary", "Model X200 reboots every 5 min");

        String invitation = agent.api()
                .post("/api/v1/routing/contacts/" + contact + "/invitations", invite)
                .json()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> colleaguesPage.stream().anyMatch(e -> e.startsWith("routing ")));
        colleaguesPage.clear();
        agent.api().post("/api/v1/routing/invitations/" + invitation + "/withdraw", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> colleaguesPage.stream().anyMatch(e -> e.startsWith("routing ")));

        String again = agent.api()
                .post("/api/v1/routing/contacts/" + contact + "/invitations", invite)
                .json()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> agentsPage.stream().anyMatch(e -> e.startsWith("routing ")));
        agentsPage.clear();
        colleague.api().post("/api/v1/routing/invitations/" + again + "/decline", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> agentsPage.stream().anyMatch(e -> e.startsWith("routing ")));
    }

    /**
     * Issue 15, item 8: the warm transfer's summary started empty (the case's own transfer is drafted
     * from the conversation), and after a refused empty submit the empty box still said "Drafted from
     * the conversation".
     */
    @Test
    void bothHandoversOfTheLiveContactStartFromADraftAndTheHintSaysWhatTheBoxHolds() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var colleague = newAgent("agent", team);
        var offer = offered(agent, team, "Activation key lost after reinstall");
        agent.api().post("/api/v1/routing/offers/" + offer.offerId() + "/accept", null);
        var browser = signedIn(agent);

        var panel = browser.getPart("/cases/" + offer.number() + "/contact").html();

        assertThat(panel.select("#contact-invite-summary").text())
                .contains("Maria Lopez", "My activation key is gone since I reinstalled.");
        assertThat(panel.select("#contact-transfer-summary").text())
                .isEqualTo(panel.select("#contact-invite-summary").text());
        assertThat(panel.select("#contact-invite-summary-hint").text()).startsWith("Drafted from the conversation");
        assertThat(panel.select("#contact-transfer-summary-hint").text()).startsWith("Drafted from the conversation");

        var refused = browser.postPart(
                "/cases/" + offer.number() + "/contact/invitations",
                Map.of("agentId", colleague.id().toString(), "reason", "Licence tools", "summary", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("details#contact-invite").hasAttr("open"))
                .isTrue();
        assertThat(refused.html().select("#contact-invite-reason").attr("value"))
                .isEqualTo("Licence tools");
        assertThat(refused.html().select("#contact-invite-summary").text()).isEmpty();
        assertThat(refused.html().select("#contact-invite-summary-hint").text())
                .isEqualTo("Write what the customer already said and tried, so nobody asks them again.");
        // The form not sent starts afresh from the draft.
        assertThat(refused.html().select("#contact-transfer-summary").text()).contains("Maria Lopez");
        assertThat(refused.html().select("#contact-transfer-summary-hint").text())
                .startsWith("Drafted from the conversation");
        assertThat(colleague.api().get("/api/v1/routing/me/invitations").json()).isEmpty();

        var refusedTransfer = browser.postPart(
                "/cases/" + offer.number() + "/contact/transfer",
                Map.of("reason", "Billing", "summary", "Charged twice for order 4411"));
        assertThat(refusedTransfer.status()).isEqualTo(422);
        assertThat(refusedTransfer.html().select("#contact-transfer-summary").text())
                .isEqualTo("Charged twice for order 4411");
        assertThat(refusedTransfer.html().select("details#contact-transfer").hasAttr("open"))
                .isTrue();
        assertThat(admin().get("/api/v1/cases/" + offer.caseId())
                        .json()
                        .get("teamId")
                        .asString())
                .isEqualTo(team.toString());
    }

    @Test
    void aTransferWithoutASummaryShowsWhyAndChangesNothing() {
        var team = newTeam();
        var other = newTeam();
        var agent = newAgent("agent", team);
        var offer = offered(agent, team, "Invoice paid twice");
        agent.api().post("/api/v1/routing/offers/" + offer.offerId() + "/accept", null);
        var browser = signedIn(agent);

        var refused = browser.postPart(
                "/cases/" + offer.number() + "/contact/transfer",
                Map.of("teamId", other.toString(), "reason", "Billing", "summary", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select(".form-error").text()).startsWith("Summary:");
        assertThat(refused.html().select("#contact-transfer-reason").attr("value"))
                .isEqualTo("Billing");
        assertThat(agent.api()
                        .get("/api/v1/cases/" + offer.caseId())
                        .json()
                        .get("teamId")
                        .asString())
                .isEqualTo(team.toString());

        var moved = browser.postPart(
                "/cases/" + offer.number() + "/contact/transfer",
                Map.of("teamId", other.toString(), "reason", "Billing", "summary", "Charged twice for order 4411"));
        // The case went to the other team's queue, out of the agent's sight: back to their workspace.
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.header("HX-Redirect")).isEqualTo("/");
        assertThat(admin().get("/api/v1/cases/" + offer.caseId())
                        .json()
                        .get("teamId")
                        .asString())
                .isEqualTo(other.toString());
    }

    @Test
    void anAgentRequestsASupervisorFromTheCasePageAndTheSupervisorsPageListsIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var caseId = openCase(admin(), team, "Refund refused twice");
        long number =
                admin().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var browser = signedIn(agent);

        var requested = browser.postPart("/cases/" + number + "/supervisor-request", Map.of());

        assertThat(requested.status()).isEqualTo(200);
        assertThat(requested.html().select("#supervisor-request .notice-inline"))
                .isNotEmpty();
        assertThat(requested.html().select("#request-supervisor")).isEmpty();
        var board = signedIn(supervisor).getPart("/supervisor/queues").html();
        assertThat(board.select("#supervisor-requests .request-row").text())
                .contains("#" + number, "Refund refused twice");
    }

    @Test
    void agentsAreRefusedTheSupervisorsPageWhichSupervisorsAndAdminsOpenFromTheNavigation() {
        var team = newTeam();
        var agent = signedIn(newAgent("agent", team));
        var supervisor = signedIn(newAgent("supervisor", team));
        var admin = signedIn(newAgent("admin"));

        var refused = agent.get("/supervisor/queues");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select("h1").text()).isEqualTo("Not for your role");
        assertThat(agent.post("/supervisor/requests/" + UUID.randomUUID() + "/take", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(agent.get("/").html().select("#view-queues")).isEmpty();

        var page = supervisor.get("/supervisor/queues");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("h1").text()).isEqualTo("Live queues");
        assertThat(page.html().select("#queues-board[hx-trigger*=queues-changed]"))
                .isNotEmpty();
        assertThat(supervisor.get("/").html().select("#view-queues").attr("href"))
                .isEqualTo("/supervisor/queues");
        assertThat(admin.get("/supervisor/queues").status()).isEqualTo(200);
    }

    /** Issue 15, item 11: the board listed only agents whose presence changed since start. */
    @Test
    void theSupervisorsPageListsEveryMemberOfTheTeamWithTheirPresenceAndOfflineForThoseNeverSeen() {
        var team = newTeam();
        var available = newAgent("agent", team);
        var neverSeen = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        available.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));

        var agents = signedIn(supervisor)
                .getPart("/supervisor/queues")
                .html()
                .select("#team-" + team + " table.agents tr.agent-row");

        assertThat(agents.stream().map(row -> row.select("td").eachText()))
                .contains(
                        java.util.List.of(name(available), "Available", "0 / 3", "0 / 0"),
                        java.util.List.of(name(neverSeen), "Offline", "—", "—"));
        assertThat(agents.stream().map(row -> row.select("td").first().text())).contains(name(supervisor));
    }

    private String name(Caller agent) {
        return admin().get("/api/v1/agents/" + agent.id()).json().get("name").asString();
    }
}
