package dev.casekeeper.views;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.sla.SlaFixture;
import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Saved views filtered by SLA state (at risk, breached, met): each lists and counts the cases in that
 * state, as their clocks move on.
 */
@MovesTime
class SavedViewSlaStateTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void viewsBySlaStateListBreachedAtRiskAndMetCases() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        SlaFixture.teamPolicy(admin(), SlaFixture.alwaysOpenCalendar(admin()), team, false, null);
        var breached = create(agent.api(), "Breached", Map.of("teamId", team, "slaStates", List.of("breached")));
        var atRisk = create(agent.api(), "At risk", Map.of("teamId", team, "slaStates", List.of("at_risk")));
        var met = create(agent.api(), "Met", Map.of("teamId", team, "slaStates", List.of("met")));

        var late = SlaFixture.openCase(agent.api(), team, "Parcel never arrived");
        TestClock.INSTANCE.advanceTo(due(agent.api(), late).plusSeconds(1));
        var answered = SlaFixture.openCase(agent.api(), team, "Wrong size shoes");
        agent.api().post("/api/v1/cases/" + answered + "/replies", Map.of("body", "A new pair is on its way."));
        agent.api().patch("/api/v1/cases/" + answered, Map.of("status", "solved"));
        var waiting = SlaFixture.openCase(agent.api(), team, "Invoice address is wrong");
        TestClock.INSTANCE.advanceTo(due(agent.api(), waiting).minus(Duration.ofMinutes(10)));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(cases(agent.api(), breached)).containsExactly(late.toString());
            assertThat(cases(agent.api(), atRisk)).containsExactly(waiting.toString());
            assertThat(cases(agent.api(), met)).containsExactly(answered.toString());
        });
        assertThat(countOf(agent.api(), breached)).isEqualTo(1);
        assertThat(countOf(agent.api(), atRisk)).isEqualTo(1);
    }

    @Test
    void anSlaStateThatDoesNotExistIsRefused() {
        var agent = newAgent("agent").api();

        var refused = agent.post(
                "/api/v1/saved-views", Map.of("name", "Late", "filters", Map.of("slaStates", List.of("late"))));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("slaStates");
        assertThat(agent.get("/api/v1/saved-views").json().size()).isZero();
    }

    private static Instant due(Api as, UUID kase) {
        var dueAt = new Instant[1];
        await().atMost(WAIT).untilAsserted(() -> {
            var first = SlaFixture.clock(as, kase, "first_response");
            assertThat(first.get("dueAt").isNull()).isFalse();
            dueAt[0] = Instant.parse(first.get("dueAt").asString());
        });
        return dueAt[0];
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
