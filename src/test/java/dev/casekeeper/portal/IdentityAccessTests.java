package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may open the pages of customer identity: About me, My data and their forms need a signed-in
 * customer; the merges and erasure pages need an agent, and their decisions a supervisor; a
 * customer's session opens none of the agents' pages.
 */
class IdentityAccessTests extends PortalTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/portal/about", "/portal/data", "/portal/data/export", "/portal/identities/verify"})
    void sendsAnyoneNotSignedInToTheSignInPage(String path) {
        var page = browser().get(path);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/portal/sign-in");
    }

    @Test
    void refusesEveryPortalFormPostedWithoutASignIn() {
        var maria = newCustomer("Maria Lopez");
        var anonymous = browser();
        anonymous.get("/portal/sign-in");
        var before = admin().get("/api/v1/customers/" + maria.id()).json();

        for (String path : List.of(
                "/portal/about",
                "/portal/identities",
                "/portal/identities/verify",
                "/portal/data/erasure",
                "/portal/about/suggestions/" + UUID.randomUUID() + "/accept",
                "/portal/about/suggestions/" + UUID.randomUUID() + "/decline",
                "/portal/merges/" + UUID.randomUUID() + "/code")) {
            var posted = anonymous.post(
                    path, Map.of("displayName", "Someone else", "email", maria.email(), "confirm", "yes"));
            assertThat(posted.status()).as(path).isEqualTo(302);
            assertThat(posted.location()).as(path).endsWith("/portal/sign-in");
        }
        assertThat(admin().get("/api/v1/customers/" + maria.id()).json()).isEqualTo(before);
        assertThat(mailsTo(maria.email())).isEmpty();
    }

    @Test
    void theVerificationLinkPageIsOpenButAnUnknownLinkDoesNothing() {
        var anonymous = browser();
        assertThat(anonymous.get("/portal/verify/some-token").status()).isEqualTo(200);

        var used = anonymous.post("/portal/verify", Map.of("token", "some-token"));

        assertThat(used.status()).isEqualTo(400);
        assertThat(used.html().select("#link-error").text())
                .isEqualTo("This link is not valid: it was already used or has expired.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/customers/merges", "/customers/erasure-requests"})
    void theRecordPagesNeedAnAgent(String path) {
        var page = WebSession.anonymous(port).get(path);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void aCustomersSessionOpensNoRecordPageOfTheAgents() {
        var maria = newCustomer("Maria Lopez");
        var session = signIn(maria);

        for (String path : List.of("/customers/merges", "/customers/erasure-requests")) {
            var page = session.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
        for (String path : List.of(
                "/api/v1/customers/" + maria.id() + "/suggestions",
                "/api/v1/customer-merges",
                "/api/v1/erasure-requests")) {
            assertThat(session.get(path, Map.of("Accept", "application/json")).status())
                    .as(path)
                    .isEqualTo(401);
        }
    }

    @Test
    void anAgentCannotDecideOnErasureOrMergesOnThePages() {
        var agent = newAgent("agent");
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        browser.get("/customers/erasure-requests");

        for (String path : List.of(
                "/supervisor/erasure-requests/" + UUID.randomUUID() + "/approve",
                "/supervisor/erasure-requests/" + UUID.randomUUID() + "/decline",
                "/supervisor/merges/" + UUID.randomUUID() + "/confirm",
                "/supervisor/merges/" + UUID.randomUUID() + "/undo")) {
            assertThat(browser.post(path, Map.of("note", "x", "reason", "x")).status())
                    .as(path)
                    .isEqualTo(403);
        }
    }

    @Test
    void suggestingOrProposingAMergeFromACasePageNeedsAnAgentWhoSeesTheCase() {
        var maria = newCustomer("Maria Lopez");
        var other = newCustomer("Maria Lopez");
        var team = newTeam();
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Lost key",
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", maria.email()),
                                "message",
                                Map.of("body", "My key is gone.")));
        long number = created.json().get("number").asLong();
        var outsider = newAgent("agent", newTeam());
        var asOutsider = WebSession.anonymous(port).signIn(outsider.email(), PASSWORD);
        asOutsider.get("/");
        var asCustomer = signIn(maria);
        var anonymous = WebSession.anonymous(port);
        anonymous.get("/login");
        var suggestion = Map.of("field", "preferredName", "value", "Mari");
        var merge = Map.of("identity", other.email());

        for (String path :
                List.of("/cases/" + number + "/customer/suggestions", "/cases/" + number + "/customer/merges")) {
            var form = path.endsWith("suggestions") ? suggestion : merge;
            assertThat(anonymous.post(path, form).location()).as(path).endsWith("/login");
            assertThat(asCustomer.post(path, form).location()).as(path).endsWith("/login");
            assertThat(asOutsider.post(path, form).status()).as(path).isEqualTo(404);
        }
        assertThat(admin().get("/api/v1/customers/" + maria.id() + "/suggestions")
                        .json()
                        .size())
                .isZero();
        assertThat(admin().get("/api/v1/customers/" + maria.id() + "/merges")
                        .json()
                        .size())
                .isZero();
    }
}
