package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The case page against the real database: what it shows, and what its forms do. A refused form
 * changes nothing and comes back with the reason beside the field and what was typed.
 */
class CasePageTests extends ApiTestBase {

    private UUID team;
    private Caller agent;
    private WebSession browser;
    private UUID caseId;
    private long number;
    private String customerEmail;

    @BeforeEach
    void aCaseInTheAgentsTeam() {
        team = newTeam();
        agent = newAgent("agent", team);
        customerEmail = "successful-" + UUID.randomUUID() + "@example.com";
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Licence gone after the reinstall",
                                "requester",
                                Map.of("email", customerEmail, "name", "Successful Moore"),
                                "message",
                                Map.of(
                                        "body",
                                        "It stopped working. I searched all of my emails for order ORD-55821 and the key."),
                                "teamId",
                                team));
        caseId = UUID.fromString(created.json().get("id").asString());
        number = created.json().get("number").asLong();
        browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
    }

    @Test
    void showsTheTimelineWithEachKindOfEntryDistinct() {
        agent.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", agent.id()));
        agent.api().post("/api/v1/cases/" + caseId + "/replies", Map.of("body", "I am sorry, let me restore it."));
        agent.api().post("/api/v1/cases/" + caseId + "/notes", Map.of("body", "Licence server checked."));

        var page = casePage();

        assertThat(page.select("#timeline .entry-customer .entry-text").text()).contains("It stopped working");
        assertThat(page.select("#timeline .entry-reply .entry-text").text())
                .isEqualTo("I am sorry, let me restore it.");
        assertThat(page.select("#timeline .entry-note .entry-text").text()).isEqualTo("Licence server checked.");
        assertThat(page.select("#timeline .entry-note .entry-kind").text()).isEqualTo("Internal note");
        assertThat(page.select("#timeline .entry-event").text())
                .contains("took the case", "changed the status from New to Open");
        assertThat(page.select("#case-owner").text()).isEqualTo("You");
        assertThat(page.select("#context .customer-name").text()).isEqualTo("Successful Moore");
        assertThat(page.select("#context .owner-history").text()).contains("assigned by");
    }

    @Test
    void aReplyIsPostedAndTheBoxEmptiesForTheNextOne() {
        var page = casePage();

        var posted = browser.postPart(
                "/cases/" + number + "/replies",
                Map.of("body", "We will call you tomorrow at 10.", "seen", seen(page)));

        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.header("HX-Trigger")).isEqualTo("case-changed-" + number);
        assertThat(posted.html().select("#reply-body").text()).isEmpty();
        assertThat(kinds()).containsExactly("message_in", "message_out");
    }

    @Test
    void anEmptyReplyIsRefusedBesideTheBoxAndNothingIsSent() {
        var page = casePage();

        var refused = browser.postPart("/cases/" + number + "/replies", Map.of("body", "   ", "seen", seen(page)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#reply-error").text()).isEqualTo("Write a reply first.");
        assertThat(refused.html().select("#reply-body").hasClass("invalid")).isTrue();
        assertThat(kinds()).containsExactly("message_in");
    }

    @Test
    void withoutScriptAFormComesBackAsTheWholePageWithTheError() {
        casePage();

        var refused = browser.post("/cases/" + number + "/notes", Map.of("body", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#note-error").text()).isEqualTo("Write the note first.");
        assertThat(refused.html().select("#timeline")).hasSize(1);
    }

    @Test
    void aReplyWarnsWhenTheCustomerWroteWhileItWasBeingWritten() {
        var page = casePage();
        admin().post("/api/v1/cases/" + caseId + "/messages", Map.of("body", "Also: the order number is ORD-55821."));

        var warned = browser.postPart(
                "/cases/" + number + "/replies",
                Map.of("body", "Could you send the order number?", "seen", seen(page)));

        assertThat(warned.status()).isEqualTo(409);
        assertThat(warned.html().select("#reply-landed").text()).contains("Also: the order number is ORD-55821.");
        assertThat(warned.html().select("#reply-body").text()).isEqualTo("Could you send the order number?");
        assertThat(kinds()).containsExactly("message_in", "message_in");

        var sent = browser.postPart(
                "/cases/" + number + "/replies",
                Map.of(
                        "body",
                        "Thanks, I have the order number.",
                        "seen",
                        warned.html().select("[data-seen]").val(),
                        "sendAnyway",
                        "true"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(kinds()).containsExactly("message_in", "message_in", "message_out");
    }

    @Test
    void aRefusedStatusChangeIsExplainedAndChangesNothing() {
        casePage();

        var refused = browser.postPart(
                "/cases/" + number + "/changes", Map.of("status", "closed", "priority", "normal", "tags", ""));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#change-form .form-error").text())
                .isEqualTo("A case that is “New” cannot be set to “Closed”.");
        assertThat(caseJson().get("status").asString()).isEqualTo("new");
    }

    @Test
    void statusPriorityAndTagsChangeTogether() {
        casePage();

        var changed = browser.postPart(
                "/cases/" + number + "/changes",
                Map.of("status", "pending", "priority", "high", "tags", "license, activation-key"));

        assertThat(changed.status()).isEqualTo(200);
        var kase = caseJson();
        assertThat(kase.get("status").asString()).isEqualTo("pending");
        assertThat(kase.get("priority").asString()).isEqualTo("high");
        assertThat(kase.get("tags").valueStream().map(JsonNode::asString).toList())
                .containsExactly("license", "activation-key");
    }

    @Test
    void invalidTagsAreRefusedBesideTheTagsAndKeepWhatWasTyped() {
        casePage();

        var refused = browser.postPart(
                "/cases/" + number + "/changes", Map.of("status", "new", "priority", "normal", "tags", "ok, no!good"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#tags-error").text()).contains("is not a tag");
        assertThat(refused.html().select("#tags").val()).isEqualTo("ok, no!good");
    }

    @Test
    void assignToMeMakesTheAgentTheOwner() {
        casePage();

        var assigned = browser.postPart(
                "/cases/" + number + "/assignment", Map.of("agentId", agent.id().toString()));

        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.html().select("#case-owner").text()).isEqualTo("You");
        assertThat(caseJson().get("ownerId").asString()).isEqualTo(agent.id().toString());
    }

    @Test
    void aTransferNeedsAReasonAndKeepsTheSummaryTyped() {
        var colleague = newAgent("agent", team);
        casePage();

        var refused = browser.postPart(
                "/cases/" + number + "/transfers",
                Map.of(
                        "target",
                        "agent:" + colleague.id(),
                        "reason",
                        "",
                        "summary",
                        "She searched her emails already."));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#transfer-reason-error").text()).isEqualTo("Say why the case moves.");
        assertThat(refused.html().select("#transfer-summary").text()).isEqualTo("She searched her emails already.");
        assertThat(refused.html().select("details#transfer").hasAttr("open")).isTrue();
        assertThat(caseJson().get("ownerId").isNull()).isTrue();
    }

    @Test
    void transferringACaseOutOfTheAgentsSightLeadsBackToTheLists() {
        var billing = newTeam();
        casePage();

        var moved = browser.postPart(
                "/cases/" + number + "/transfers",
                Map.of(
                        "target",
                        "team:" + billing,
                        "reason",
                        "A refund is Billing's",
                        "summary",
                        "Charged twice for one order."));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.header("HX-Redirect")).isEqualTo("/");
        assertThat(caseJson().get("teamId").asString()).isEqualTo(billing.toString());
    }

    /** Issue 15, item 8: the hint says what the box holds, a draft or nothing. */
    @Test
    void aTransferRefusedForAnEmptySummaryNoLongerCallsTheEmptyBoxADraft() {
        var colleague = newAgent("agent", team);
        var page = casePage();
        assertThat(page.select("#transfer-summary-hint").text()).startsWith("Drafted from the conversation");

        var refused = browser.postPart(
                "/cases/" + number + "/transfers",
                Map.of("target", "agent:" + colleague.id(), "reason", "Needs licence tools", "summary", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#transfer-summary").text()).isEmpty();
        assertThat(refused.html().select("#transfer-summary-hint").text())
                .isEqualTo("Write what the customer already said and tried, so nobody asks them again.");
    }

    @Test
    void theTransferSummaryIsDraftedFromWhatTheCustomerSaid() {
        var page = casePage();

        String draft = page.select("#transfer-summary").text();

        assertThat(draft).contains("Successful Moore", "ORD-55821", "I searched all of my emails");
    }

    @Test
    void theReceivingOwnerSeesTheSummaryOnTopUntilTheyDismissIt() {
        var colleague = newAgent("agent", team);
        casePage();
        browser.postPart(
                "/cases/" + number + "/transfers",
                Map.of(
                        "target", "agent:" + colleague.id(),
                        "reason", "Needs licence tools",
                        "summary", "Searched all emails for the key; has order ORD-55821."));
        var receiver = WebSession.anonymous(port).signIn(colleague.email(), PASSWORD);

        var banner = receiver.get("/cases/" + number).html().select("#handover .handover");

        assertThat(banner.text())
                .contains("Needs licence tools", "Searched all emails for the key; has order ORD-55821.");
        assertThat(casePage().select("#handover .handover"))
                .as("not for the one who sent it")
                .isEmpty();

        var dismissed = receiver.postPart("/cases/" + number + "/handover/dismissal", Map.of());

        assertThat(dismissed.html().select(".handover")).isEmpty();
        assertThat(receiver.get("/cases/" + number).html().select("#handover .handover"))
                .isEmpty();
        assertThat(receiver.get("/cases/" + number).html().select("#timeline").text())
                .contains("Needs licence tools");
    }

    @Test
    void aCustomerDeclaredFieldIsShownLockedAndAnAgentsChangeToItIsRefused() {
        var customerId = caseJson().get("requesterId").asString();
        admin().patch(
                        "/api/v1/customers/" + customerId,
                        Map.of("fields", Map.of("gender", "female"), "declaredBy", "customer"));
        var page = casePage();
        assertThat(page.select("#profile-gender").hasAttr("readonly")).isTrue();
        assertThat(page.select("#context .fields").text()).contains("female", "declared by the customer");

        var refused = browser.postPart(
                "/cases/" + number + "/customer",
                Map.of("displayName", "Successful Moore", "fields[gender]", "male", "fields[language]", "English"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().select("#profile-gender-error").text())
                .isEqualTo("The customer declared this themselves as “female”. Only the customer can change it.");
        assertThat(refused.html().select("#profile-language").val()).isEqualTo("English");
        var customer = admin().get("/api/v1/customers/" + customerId).json();
        assertThat(customer.get("fields").get("gender").get("value").asString()).isEqualTo("female");
        assertThat(customer.get("fields").has("language"))
                .as("nothing of the form was saved")
                .isFalse();
    }

    @Test
    void fieldsTheCustomerDidNotDeclareCanBeEdited() {
        var customerId = caseJson().get("requesterId").asString();
        casePage();

        var saved = browser.postPart(
                "/cases/" + number + "/customer",
                Map.of("displayName", "Successful M. Moore", "fields[language]", "English"));

        assertThat(saved.status()).isEqualTo(200);
        var customer = admin().get("/api/v1/customers/" + customerId).json();
        assertThat(customer.get("displayName").asString()).isEqualTo("Successful M. Moore");
        assertThat(customer.get("fields").get("language").get("value").asString())
                .isEqualTo("English");
    }

    @Test
    void theContextPanelListsTheCustomersOtherCases() {
        admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Second problem",
                                "requester",
                                Map.of("email", customerEmail),
                                "message",
                                Map.of("body", "Another one"),
                                "teamId",
                                team));

        assertThat(casePage().select("#context .other-cases").text()).contains("Second problem", "New");
    }

    @Test
    void theRegionsReloadTogetherWithoutTheBoxesBeingTypedIn() {
        var regions = browser.getPart("/cases/" + number + "/regions").html();

        assertThat(regions.select("[hx-swap-oob=true]").eachAttr("id"))
                .containsExactlyInAnyOrder("case-header", "handover", "timeline", "context");
        assertThat(regions.select("#reply-form, #note-form")).isEmpty();
    }

    @Test
    void presenceShowsWhoElseHasTheCaseOpenAndWhetherTheyWrite() {
        var colleague = newAgent("agent", team);
        var other = WebSession.anonymous(port).signIn(colleague.email(), PASSWORD);
        other.get("/cases/" + number);
        other.postPart("/cases/" + number + "/presence", Map.of("drafting", "true"));
        casePage();

        var presence = browser.postPart("/cases/" + number + "/presence", Map.of("drafting", "false"));

        assertThat(presence.html().select("#presence").text())
                .isEqualTo("Agent " + colleague.email().substring(0, 12) + " is writing a reply");
        other.postPart("/cases/" + number + "/presence/leave", Map.of());
        assertThat(browser.getPart("/cases/" + number + "/presence")
                        .html()
                        .select("#presence")
                        .text())
                .isEmpty();
    }

    private Document casePage() {
        var page = browser.get("/cases/" + number);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.html();
    }

    private static String seen(Document page) {
        return page.select("#reply-form [data-seen]").val();
    }

    private JsonNode caseJson() {
        return admin().get("/api/v1/cases/" + caseId).json();
    }

    private List<String> kinds() {
        return caseJson()
                .get("timeline")
                .valueStream()
                .map(entry -> entry.get("kind").asString())
                .filter(kind -> !kind.equals("event"))
                .toList();
    }
}
