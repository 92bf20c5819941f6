package dev.casekeeper.macros.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin pages for canned responses, and the picker that offers them on the case page. */
class MacroPagesTests extends ApiTestBase {

    private WebSession admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = WebSession.anonymous(port).signIn(newAgent("admin").email(), PASSWORD);
    }

    @Test
    void anAdminAddsACannedResponse() {
        String name = "Callback promised " + UUID.randomUUID();
        admin.get("/admin/macros/new");

        var created = admin.post(
                "/admin/macros", Map.of("name", name, "body", "Hi {{customer.name}}, I will call you back today."));

        assertThat(created.location()).matches(".*/admin/macros/[0-9a-f-]{36}");
        var page = admin.get(created.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.html().select("#notice-saved").text())
                .isEqualTo("Canned response added. Agents can insert it now.");
        assertThat(page.html().select("#macro-name").attr("value")).isEqualTo(name);
        assertThat(admin.get("/admin/macros").html().select("#macros a:contains(" + name + ")"))
                .hasSize(1);
    }

    @Test
    void anUnknownPlaceholderIsRefusedBesideTheTextWhichIsKeptAsTyped() {
        String name = "Typo " + UUID.randomUUID();
        admin.get("/admin/macros/new");

        var refused = admin.post("/admin/macros", Map.of("name", name, "body", "Dear {{customer.nmae}},\nthanks."));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#macro-body-error").text())
                .startsWith("uses an unknown placeholder {{customer.nmae}}; the known ones are {{customer.name}}");
        assertThat(refused.html().select("#macro-body").first().wholeText())
                .isEqualTo("Dear {{customer.nmae}},\nthanks.");
        assertThat(refused.html().select("#macro-body").hasClass("invalid")).isTrue();
        assertThat(refused.html().select("#macro-name").attr("value")).isEqualTo(name);
        assertThat(admin.get("/admin/macros?q=" + name.replace(" ", "+")).html().select("#macros"))
                .isEmpty();
    }

    @Test
    void aTakenNameIsRefusedBesideTheName() {
        String name = "Shipping delay " + UUID.randomUUID();
        admin().post("/api/v1/macros", Map.of("name", name, "body", "Sorry for the delay."));
        admin.get("/admin/macros/new");

        var refused = admin.post("/admin/macros", Map.of("name", name.toLowerCase(), "body", "Another text"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#macro-name-error").text())
                .isEqualTo("A canned response named " + name.toLowerCase() + " already exists");
        assertThat(refused.html().select("#macro-body").text()).isEqualTo("Another text");
    }

    @Test
    void anAdminChangesAndRemovesACannedResponse() {
        String id = admin().post("/api/v1/macros", Map.of("name", "Draft " + UUID.randomUUID(), "body", "Old"))
                .json()
                .get("id")
                .asString();
        admin.get("/admin/macros/" + id);

        admin.post("/admin/macros/" + id, Map.of("name", "Final " + id, "body", "New {{agent.name}}"));
        assertThat(admin().get("/api/v1/macros/" + id).json().get("body").asString())
                .isEqualTo("New {{agent.name}}");

        var removed = admin.post("/admin/macros/" + id + "/deletion", Map.of());

        assertThat(removed.location()).endsWith("/admin/macros");
        assertThat(admin.get("/admin/macros/" + id).status()).isEqualTo(404);
    }

    @Test
    void thePreviewFillsInMadeUpFactsOrSaysWhatIsWrong() {
        admin.get("/admin/macros/new");

        var preview = admin.postPart(
                "/admin/macros/preview", Map.of("body", "Hi {{customer.preferredName}} <b>#{{case.number}}</b>"));
        var wrong = admin.postPart("/admin/macros/preview", Map.of("body", "Hi {{who}}"));

        assertThat(preview.html().select("#macro-preview .entry-text").text()).isEqualTo("Hi Maria <b>#1042</b>");
        assertThat(preview.body()).contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(wrong.html().select("#macro-preview .field-error").text())
                .startsWith("uses an unknown placeholder {{who}}");
    }

    @Test
    void thePickerOffersCannedResponsesFilledInForTheCaseAndItsAgent() {
        String name = "Reissue key " + UUID.randomUUID();
        admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                name,
                                "body",
                                "Hi {{customer.name}}, the key for case #{{case.number}} is on its way. {{agent.firstName}}"));
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Activation key gone");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var picker = browser.getPart(
                "/cases/" + number + "/macros?q=" + name.substring(0, 22).replace(" ", "+"));

        var option = picker.html().select("#macro-results button[data-macro-insert]");
        assertThat(option).hasSize(1);
        assertThat(option.select(".macro-name").text()).isEqualTo(name);
        assertThat(option.attr("data-text"))
                .isEqualTo("Hi Maria Lopez, the key for case #" + number + " is on its way. Agent");
    }

    @Test
    void thePickerEscapesWhatCustomersTyped() {
        admin().post(
                        "/api/v1/macros",
                        Map.of("name", "Echo subject " + UUID.randomUUID(), "body", "About: {{case.subject}}"));
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "\"><script>alert(1)</script>");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);

        var picker = browser.getPart("/cases/" + number + "/macros?q=Echo+subject");

        assertThat(picker.body()).doesNotContain("<script>");
        assertThat(picker.html().select("button[data-macro-insert]").first().attr("data-text"))
                .isEqualTo("About: \"><script>alert(1)</script>");
    }

    @Test
    void thePickerOfACaseTheAgentMayNotSeeIsNotFound() {
        UUID team = newTeam();
        var outsider = newAgent("agent", newTeam());
        var caseId = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Another team’s case",
                                "requester",
                                Map.of("email", "c-" + UUID.randomUUID() + "@example.com"),
                                "message",
                                Map.of("body", "hello"),
                                "teamId",
                                team))
                .json()
                .get("id")
                .asString();
        long number =
                admin().get("/api/v1/cases/" + caseId).json().get("number").asLong();
        var browser = WebSession.anonymous(port).signIn(outsider.email(), PASSWORD);

        assertThat(browser.getPart("/cases/" + number + "/macros").status()).isEqualTo(404);
    }
}
