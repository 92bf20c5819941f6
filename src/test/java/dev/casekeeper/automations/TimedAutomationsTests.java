package dev.casekeeper.automations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Time-based automations: a case pending without a customer reply for three days gets a reminder,
 * after seven it is solved; each step acts once per case, however often the hourly pass runs (the
 * test's own passes and the scheduled job's), and a case the customer answered is left alone.
 */
@MovesTime
class TimedAutomationsTests extends ApiTestBase {

    @Autowired
    TimedAutomations timed;

    @Test
    void aPendingCaseIsRemindedThenSolvedOnceEach() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var inTeam = Map.of("field", "team", "op", "is", "value", team.toString());
        // Disabled while its dry-run is looked at: the hourly job, which may run whenever the clock
        // moves, leaves a disabled automation alone.
        var remind = create(Map.of(
                "name",
                "Remind after 3 days " + UUID.randomUUID(),
                "status",
                "pending",
                "hours",
                72,
                "enabled",
                false,
                "conditions",
                List.of(inTeam),
                "actions",
                List.of(
                        Map.of("type", "add_note", "value", "No answer for three days: reminder due."),
                        Map.of("type", "notify", "value", "owner"))));
        var solve = create(Map.of(
                "name",
                "Solve after 7 days " + UUID.randomUUID(),
                "status",
                "pending",
                "hours",
                168,
                "enabled",
                true,
                "conditions",
                List.of(inTeam),
                "actions",
                List.of(
                        Map.of("type", "set_status", "value", "solved"),
                        Map.of("type", "add_note", "value", "Solved after a week without an answer."))));
        var waiting = pendingCase(agent, team, "Need your order number");
        var answered = pendingCase(agent, team, "Need a photo of the damage");

        var before =
                admin().get("/api/v1/automations/timed/" + remind + "/dry-run").json();
        assertThat(ids(before)).doesNotContain(waiting.toString());

        TestClock.INSTANCE.advance(Duration.ofDays(2));
        var reply = agent.api().post("/api/v1/cases/" + answered + "/messages", Map.of("body", "Here it is."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        TestClock.INSTANCE.advance(Duration.ofDays(1).plusHours(1));
        assertThat(ids(admin().get("/api/v1/automations/timed/" + remind + "/dry-run")
                        .json()))
                .contains(waiting.toString())
                .doesNotContain(answered.toString());
        var enabled = admin().send("PATCH", "/api/v1/automations/timed/" + remind, Map.of("enabled", true));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        timed.runDue();
        timed.runDue();

        var reminded = agent.api().get("/api/v1/cases/" + waiting).json();
        assertThat(reminded.get("status").asString()).isEqualTo("pending");
        assertThat(ran(reminded, remind)).isEqualTo(1);
        assertThat(ids(admin().get("/api/v1/automations/timed/" + remind + "/dry-run")
                        .json()))
                .doesNotContain(waiting.toString());
        var inbox = agent.api().get("/api/v1/notifications").json().get("items");
        assertThat(inbox.valueStream()
                        .filter(n -> "automation".equals(n.get("kind").asString())
                                && waiting.toString().equals(n.path("caseId").asString(""))))
                .hasSize(1);

        TestClock.INSTANCE.advance(Duration.ofDays(4));
        timed.runDue();
        timed.runDue();

        var solved = agent.api().get("/api/v1/cases/" + waiting).json();
        assertThat(solved.get("status").asString()).isEqualTo("solved");
        assertThat(ran(solved, remind)).isEqualTo(1);
        assertThat(ran(solved, solve)).isEqualTo(1);
        var untouched = agent.api().get("/api/v1/cases/" + answered).json();
        assertThat(untouched.get("status").asString()).isEqualTo("open");
        assertThat(TriggersApiTests.events(untouched, "automation_ran")).isEmpty();
        admin().send("DELETE", "/api/v1/automations/timed/" + remind, null);
        admin().send("DELETE", "/api/v1/automations/timed/" + solve, null);
    }

    private UUID create(Map<String, Object> body) {
        var created = admin().post("/api/v1/automations/timed", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private UUID pendingCase(Caller agent, UUID team, String subject) {
        var kase = openCase(agent.api(), team, subject);
        assertThat(agent.api()
                        .post("/api/v1/cases/" + kase + "/assignment", Map.of("ownerId", agent.id()))
                        .status())
                .isEqualTo(200);
        var pending = agent.api().send("PATCH", "/api/v1/cases/" + kase, Map.of("status", "pending"));
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        return kase;
    }

    private static long ran(tools.jackson.databind.JsonNode kase, UUID automation) {
        return TriggersApiTests.events(kase, "automation_ran").stream()
                .filter(e -> e.get("data").get("automationId").asString().equals(automation.toString()))
                .count();
    }

    private static List<String> ids(tools.jackson.databind.JsonNode dryRun) {
        return dryRun.get("cases")
                .valueStream()
                .map(c -> c.get("caseId").asString())
                .toList();
    }
}
