package dev.casekeeper.macros.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Canned responses over the API: admins manage them; agents list them and have them filled in for a case. */
class MacrosApiTests extends ApiTestBase {

    @Test
    void anAdminAddsACannedResponseAndAgentsFindIt() {
        String name = "Key reissued " + UUID.randomUUID();
        var created = admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                name,
                                "body",
                                "Hi {{customer.preferredName}}, your new key is on its way. {{agent.firstName}}"));
        var agent = newAgent("agent");

        var found = agent.api().get("/api/v1/macros?q=" + name.substring(0, 20).replace(" ", "%20"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location"))
                .endsWith("/api/v1/macros/" + created.json().get("id").asString());
        assertThat(created.json().get("placeholders").valueStream().map(p -> p.asString()))
                .containsExactly("customer.preferredName", "agent.firstName");
        assertThat(found.json().valueStream().map(m -> m.get("name").asString()))
                .contains(name);
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTheTextAndSavesNothing() {
        String name = "Typo " + UUID.randomUUID();

        var refused = admin().post("/api/v1/macros", Map.of("name", name, "body", "Dear {{customer.nmae}}"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("body");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .startsWith("uses an unknown placeholder {{customer.nmae}}; the known ones are {{customer.name}}");
        assertThat(admin().get("/api/v1/macros?q=" + name.replace(" ", "%20"))
                        .json()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void namesAreUniqueWithoutRegardToCase() {
        String name = "Refund approved " + UUID.randomUUID();
        admin().post("/api/v1/macros", Map.of("name", name, "body", "Your refund is approved."));

        assertProblem(
                admin().post("/api/v1/macros", Map.of("name", name.toUpperCase(), "body", "Again")),
                409,
                "macro-name-taken");
    }

    @Test
    void aCannedResponseIsFilledInForACaseWithItsHtmlEscaped() {
        var created = admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                "Thanks " + UUID.randomUUID(),
                                "body",
                                "Hi {{customer.name}},\nabout case #{{case.number}} ({{case.subject}}).\n\n{{agent.name}}"));
        UUID team = newTeam();
        var agent = newAgent("agent", team);
        var caseId = openCase(agent.api(), team, "Key <b>lost</b> & found");
        long number =
                agent.api().get("/api/v1/cases/" + caseId).json().get("number").asLong();

        var rendered = agent.api()
                .post("/api/v1/macros/" + created.json().get("id").asString() + "/render", Map.of("caseId", caseId));

        assertThat(rendered.status()).as(rendered.toString()).isEqualTo(200);
        String agentName =
                agent.api().get("/api/v1/agents/me").json().get("name").asString();
        assertThat(rendered.json().get("text").asString())
                .isEqualTo("Hi Maria Lopez,\nabout case #" + number + " (Key <b>lost</b> & found).\n\n" + agentName);
        assertThat(rendered.json().get("html").asString())
                .isEqualTo("<p>Hi Maria Lopez,<br>about case #" + number
                        + " (Key &lt;b&gt;lost&lt;/b&gt; &amp; found).</p><p>" + agentName + "</p>");
    }

    @Test
    void aCaseTheAgentMayNotSeeIsNotFound() {
        var created = admin().post(
                        "/api/v1/macros", Map.of("name", "Hidden " + UUID.randomUUID(), "body", "{{case.subject}}"));
        UUID otherTeam = newTeam();
        var outsider = newAgent("agent", newTeam());
        var caseId = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Team secret",
                                "requester",
                                Map.of("email", "c-" + UUID.randomUUID() + "@example.com"),
                                "message",
                                Map.of("body", "hello"),
                                "teamId",
                                otherTeam))
                .json()
                .get("id")
                .asString();

        var refused = outsider.api()
                .post("/api/v1/macros/" + created.json().get("id").asString() + "/render", Map.of("caseId", caseId));

        assertProblem(refused, 404, "not-found");
    }

    @Test
    void anAdminChangesAndRemovesACannedResponse() {
        var created = admin().post("/api/v1/macros", Map.of("name", "Old " + UUID.randomUUID(), "body", "Old text"));
        String id = created.json().get("id").asString();
        String name = "New " + UUID.randomUUID();

        var changed = admin().patch("/api/v1/macros/" + id, Map.of("name", name));
        var invalid = admin().patch("/api/v1/macros/" + id, Map.of("body", "{{nope}}"));
        var removed = admin().delete("/api/v1/macros/" + id);

        assertThat(changed.json().get("name").asString()).isEqualTo(name);
        assertThat(changed.json().get("body").asString()).isEqualTo("Old text");
        assertProblem(invalid, 400, "invalid-input");
        assertThat(removed.status()).isEqualTo(204);
        assertProblem(admin().get("/api/v1/macros/" + id), 404, "not-found");
        assertProblem(admin().delete("/api/v1/macros/" + id), 404, "not-found");
    }

    @Test
    void agentsMayNotAddChangeOrRemoveCannedResponses() {
        var created = admin().post("/api/v1/macros", Map.of("name", "Locked " + UUID.randomUUID(), "body", "Text"));
        String id = created.json().get("id").asString();
        var supervisor = newAgent("supervisor");

        assertProblem(supervisor.api().post("/api/v1/macros", Map.of("name", "Mine", "body", "x")), 403, "forbidden");
        assertProblem(supervisor.api().patch("/api/v1/macros/" + id, Map.of("body", "changed")), 403, "forbidden");
        assertProblem(supervisor.api().delete("/api/v1/macros/" + id), 403, "forbidden");
        assertThat(admin().get("/api/v1/macros/" + id).json().get("body").asString())
                .isEqualTo("Text");
    }

    @Test
    void thePlaceholdersAreListed() {
        var placeholders = newAgent("agent").api().get("/api/v1/macros/placeholders");

        assertThat(placeholders.json().valueStream().map(p -> p.get("written").asString()))
                .containsAll(List.of(
                        "{{customer.name}}",
                        "{{customer.preferredName}}",
                        "{{case.number}}",
                        "{{case.subject}}",
                        "{{agent.name}}",
                        "{{agent.firstName}}"));
    }
}
