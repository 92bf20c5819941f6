package dev.casekeeper.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Saved views filtered by the heated flag follow it: flagged by an angry message, cleared by a supervisor. */
class SavedViewHeatedTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aViewOfHeatedCasesFollowsTheFlagUntilASupervisorClearsIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var heated = create(agent.api(), "Heated", Map.of("teamId", team, "heated", true));
        var calm = create(agent.api(), "Calm", Map.of("teamId", team, "heated", false));
        var angry = openCase(agent.api(), team, "Order 48213", "My order 48213 has not arrived.");
        var polite = openCase(agent.api(), team, "Returns", "How long do I have to send shoes back?");

        agent.api()
                .post(
                        "/api/v1/cases/" + angry + "/messages",
                        Map.of("body", "WHY IS NOBODY ANSWERING??? My order 48213 is still missing, this is a scam!"));

        await().atMost(WAIT)
                .until(() -> agent.api()
                        .get("/api/v1/cases/" + angry + "/frustration")
                        .json()
                        .get("heated")
                        .asBoolean());
        assertThat(cases(agent.api(), heated)).containsExactly(angry.toString());
        assertThat(countOf(agent.api(), heated)).isEqualTo(1);
        assertThat(cases(agent.api(), calm)).containsExactly(polite.toString());

        assertThat(supervisor.api().delete("/api/v1/cases/" + angry + "/heated").status())
                .isEqualTo(200);

        assertThat(cases(agent.api(), heated)).isEmpty();
        assertThat(cases(agent.api(), calm)).containsExactlyInAnyOrder(angry.toString(), polite.toString());
    }

    private static UUID openCase(Api as, UUID team, String subject, String body) {
        var created = as.post(
                "/api/v1/cases",
                Map.of(
                        "subject",
                        subject,
                        "requester",
                        Map.of("email", "customer-" + UUID.randomUUID() + "@example.com", "name", "Maria Lopez"),
                        "message",
                        Map.of("body", body),
                        "teamId",
                        team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static String create(Api as, String name, Map<String, Object> filters) {
        var body = new HashMap<String, Object>();
        body.put("name", name + " " + UUID.randomUUID());
        body.put("filters", filters);
        var created = as.post("/api/v1/saved-views", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> cases(Api as, String view) {
        var page = as.get("/api/v1/saved-views/" + view + "/cases");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var ids = new ArrayList<String>();
        page.json().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private static long countOf(Api as, String view) {
        for (var counted : as.get("/api/v1/saved-views").json()) {
            if (counted.get("view").get("id").asString().equals(view)) {
                return counted.get("count").asLong();
            }
        }
        throw new AssertionError("no view " + view);
    }
}
