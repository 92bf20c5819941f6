package dev.casekeeper.automations;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Triggers over the API: an admin's trigger changes a case in the change's own transaction and the
 * timeline names it; loops stop at the cap; a disabled trigger does nothing; dry-runs list the cases.
 * Every trigger here is scoped to the test's own team, so it never touches another test's cases.
 */
class TriggersApiTests extends ApiTestBase {

    private final List<UUID> created = new java.util.ArrayList<>();

    /** Triggers stay in every node's memory while they exist: each test removes its own. */
    @AfterEach
    void removeTriggers() {
        created.forEach(id -> admin().send("DELETE", "/api/v1/automations/triggers/" + id, null));
    }

    @Test
    void aTriggerOnACustomerReplySetsPriorityAndTagsAndTheTimelineNamesIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String name = "Refund requests " + UUID.randomUUID();
        var trigger = createTrigger(Map.of(
                "name",
                name,
                "event",
                "customer_replied",
                "enabled",
                true,
                "conditions",
                List.of(
                        Map.of("field", "team", "op", "is", "value", team.toString()),
                        Map.of("field", "text", "op", "contains", "value", "REFUND")),
                "actions",
                List.of(
                        Map.of("type", "set_priority", "value", "high"),
                        Map.of("type", "add_tags", "value", "refund, billing"))));
        var asked = openCase(agent.api(), team, "Wrong size delivered");
        var other = openCase(agent.api(), team, "Where is my parcel");

        customerWrites(agent.api(), asked, "I would like a refund for the jacket, please.");
        customerWrites(agent.api(), other, "Any news about my parcel?");

        var kase = agent.api().get("/api/v1/cases/" + asked).json();
        assertThat(kase.get("priority").asString()).isEqualTo("high");
        assertThat(kase.get("tags").valueStream().map(JsonNode::asString)).contains("refund", "billing");
        var ran = events(kase, "automation_ran");
        assertThat(ran).hasSize(1);
        assertThat(ran.getFirst().get("data").get("automationId").asString()).isEqualTo(trigger.toString());
        assertThat(ran.getFirst().get("text").asString()).contains(name);
        assertThat(ran.getFirst().get("data").get("changes").valueStream().map(JsonNode::asString))
                .contains("priority=high", "tags+=refund", "tags+=billing");
        var untouched = agent.api().get("/api/v1/cases/" + other).json();
        assertThat(untouched.get("priority").asString()).isEqualTo("normal");
        assertThat(events(untouched, "automation_ran")).isEmpty();
    }

    @Test
    void triggersThatWouldLoopStopAtTheCapAndTheChangeStillCommits() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var inTeam = Map.of("field", "team", "op", "is", "value", team.toString());
        createTrigger(Map.of(
                "name",
                "Down " + UUID.randomUUID(),
                "event",
                "priority_changed",
                "enabled",
                true,
                "conditions",
                List.of(inTeam, Map.of("field", "priority", "op", "is", "value", "high")),
                "actions",
                List.of(Map.of("type", "set_priority", "value", "low"))));
        createTrigger(Map.of(
                "name",
                "Up " + UUID.randomUUID(),
                "event",
                "priority_changed",
                "enabled",
                true,
                "conditions",
                List.of(inTeam, Map.of("field", "priority", "op", "is", "value", "low")),
                "actions",
                List.of(Map.of("type", "set_priority", "value", "high"))));
        var kase = openCase(agent.api(), team, "Printer keeps jamming");

        var changed = agent.api().send("PATCH", "/api/v1/cases/" + kase, Map.of("priority", "high"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var detail = agent.api().get("/api/v1/cases/" + kase).json();
        assertThat(events(detail, "automation_ran")).hasSize(10);
        var capped = events(detail, "automation_capped");
        assertThat(capped).hasSize(1);
        assertThat(capped.getFirst().get("data").get("runs").asInt()).isEqualTo(10);
    }

    @Test
    void aTriggerDoesNotReactToItsOwnChange() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        createTrigger(Map.of(
                "name",
                "Tag on every tag change " + UUID.randomUUID(),
                "event",
                "tags_changed",
                "enabled",
                true,
                "conditions",
                List.of(Map.of("field", "team", "op", "is", "value", team.toString())),
                "actions",
                List.of(Map.of("type", "add_tags", "value", "seen-" + UUID.randomUUID()))));
        var kase = openCase(agent.api(), team, "Loyalty points missing");

        agent.api().send("PATCH", "/api/v1/cases/" + kase, Map.of("tags", List.of("loyalty")));

        var detail = agent.api().get("/api/v1/cases/" + kase).json();
        assertThat(events(detail, "automation_ran")).hasSize(1);
        assertThat(events(detail, "automation_capped")).isEmpty();
    }

    @Test
    void aTriggerSetsACustomFieldAndLeavesOutAValueThatDoesNotFit() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String plan = "plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var field = new java.util.HashMap<String, Object>(
                Map.of("name", "Plan", "apiKey", plan, "type", "dropdown", "options", List.of("Basic", "Gold")));
        field.put("teamId", team);
        var defined = admin().post("/api/v1/fields", field);
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        var inTeam = Map.of("field", "team", "op", "is", "value", team.toString());
        createTrigger(Map.of(
                "name",
                "Gold for VIPs " + UUID.randomUUID(),
                "event",
                "tags_changed",
                "enabled",
                true,
                "conditions",
                List.of(inTeam, Map.of("field", "tags", "op", "is", "value", "vip")),
                "actions",
                List.of(Map.of("type", "set_field", "value", plan + "=Gold"))));
        createTrigger(Map.of(
                "name",
                "Platinum for VIPs " + UUID.randomUUID(),
                "event",
                "tags_changed",
                "enabled",
                true,
                "conditions",
                List.of(inTeam, Map.of("field", "tags", "op", "is", "value", "vip")),
                "actions",
                List.of(
                        Map.of("type", "set_field", "value", plan + "=Platinum"),
                        Map.of("type", "add_tags", "value", "checked"))));
        var kase = openCase(agent.api(), team, "Upgrade my plan");

        var changed = agent.api().send("PATCH", "/api/v1/cases/" + kase, Map.of("tags", List.of("vip")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var values = agent.api().get("/api/v1/cases/" + kase + "/fields").json();
        assertThat(values.get("items")
                        .valueStream()
                        .filter(v -> plan.equals(v.get("apiKey").asString()))
                        .map(v -> v.get("value").asString()))
                .containsExactly("Gold");
        var detail = agent.api().get("/api/v1/cases/" + kase).json();
        assertThat(detail.get("tags").valueStream().map(JsonNode::asString)).contains("checked");
    }

    @Test
    void aBusinessHoursConditionTellsOpenFromClosed() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        // Open only one hour on a day two days from now: closed whenever this test runs.
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .plusDays(2)
                .getDayOfWeek()
                .name()
                .toLowerCase();
        var calendar = admin().post(
                        "/api/v1/sla/calendars",
                        Map.of(
                                "name",
                                "Rarely open " + UUID.randomUUID(),
                                "zone",
                                "UTC",
                                "hours",
                                List.of(Map.of("day", day, "from", "09:00", "to", "10:00"))))
                .json()
                .get("id")
                .asString();
        var inTeam = Map.of("field", "team", "op", "is", "value", team.toString());
        createTrigger(Map.of(
                "name",
                "Out of hours " + UUID.randomUUID(),
                "event",
                "case_opened",
                "enabled",
                true,
                "conditions",
                List.of(inTeam, Map.of("field", "calendar." + calendar, "op", "is", "value", "closed")),
                "actions",
                List.of(Map.of("type", "add_tags", "value", "after-hours"))));
        createTrigger(Map.of(
                "name",
                "In hours " + UUID.randomUUID(),
                "event",
                "case_opened",
                "enabled",
                true,
                "conditions",
                List.of(inTeam, Map.of("field", "calendar." + calendar, "op", "is", "value", "open")),
                "actions",
                List.of(Map.of("type", "add_tags", "value", "in-hours"))));

        var kase = openCase(agent.api(), team, "Late-night question");

        var tags = agent.api()
                .get("/api/v1/cases/" + kase)
                .json()
                .get("tags")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
        assertThat(tags).contains("after-hours").doesNotContain("in-hours");
        assertProblem(
                admin().post(
                                "/api/v1/automations/triggers",
                                Map.of(
                                        "name",
                                        "No such calendar " + UUID.randomUUID(),
                                        "event",
                                        "case_opened",
                                        "conditions",
                                        List.of(Map.of(
                                                "field", "calendar." + UUID.randomUUID(), "op", "is", "value", "open")),
                                        "actions",
                                        List.of(Map.of("type", "add_tags", "value", "x")))),
                400,
                "invalid-input");
    }

    @Test
    void aTriggerRunsAResolutionActionWithinTheAgentsLimitAndProposesOneAboveItForApproval() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var supervisor = newAgent("supervisor", team);
        var refund = admin().post(
                        "/api/v1/action-types",
                        Map.of(
                                "name",
                                "Goodwill refund " + UUID.randomUUID(),
                                "kind",
                                "refund",
                                "currency",
                                "EUR",
                                "agentLimit",
                                50,
                                "supervisorLimit",
                                500))
                .json()
                .get("type")
                .get("id")
                .asString();
        String name = "Late parcels " + UUID.randomUUID();
        createTrigger(Map.of(
                "name",
                name,
                "event",
                "case_opened",
                "enabled",
                true,
                "conditions",
                List.of(Map.of("field", "team", "op", "is", "value", team.toString())),
                "actions",
                List.of(
                        Map.of("type", "run_action", "value", refund + "; amount=20; order=40-2215"),
                        Map.of("type", "run_action", "value", refund + "; amount=120; order=40-2215"))));

        var kase = openCase(agent.api(), team, "Parcel a week late");

        var actions = agent.api().get("/api/v1/cases/" + kase + "/actions").json();
        assertThat(actions.valueStream().map(a -> a.get("state").asString()))
                .containsExactly("running", "awaiting_approval");
        assertThat(actions.get(0).get("fields").get("order").asString()).isEqualTo("40-2215");
        assertThat(actions.get(1).get("approverRole").asString()).isEqualTo("supervisor");
        assertThat(actions.valueStream()).allSatisfy(a -> {
            assertThat(a.get("proposedBy").isNull()).isTrue();
            assertThat(a.get("proposedByName").asString()).isEqualTo(name);
        });
        var detail = agent.api().get("/api/v1/cases/" + kase).json();
        var typeName = actions.get(0).get("typeName").asString();
        assertThat(events(detail, "automation_ran")
                        .getFirst()
                        .get("data")
                        .get("changes")
                        .valueStream()
                        .map(JsonNode::asString))
                .contains("action=" + typeName + " of 20.00 EUR", "action_proposed=" + typeName + " of 120.00 EUR");
        var waiting = actions.get(1).get("id").asString();
        assertThat(supervisor
                        .api()
                        .get("/api/v1/approvals")
                        .json()
                        .valueStream()
                        .map(w -> w.get("action").get("id").asString()))
                .contains(waiting);
        assertThat(supervisor
                        .api()
                        .get("/api/v1/notifications?limit=50")
                        .json()
                        .get("items")
                        .valueStream()
                        .filter(n -> n.get("kind").asString().equals("action_approval_requested")))
                .anySatisfy(n -> assertThat(n.get("text").asString()).contains(name, "120.00 EUR"));
        assertThat(supervisor
                        .api()
                        .post("/api/v1/actions/" + waiting + "/approval", null)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("running");
    }

    @Test
    void aRunActionThatNamesNoActionOrMissesAFieldIsRefusedWhenSaved() {
        var refund = admin().post(
                        "/api/v1/action-types",
                        Map.of("name", "Refund " + UUID.randomUUID(), "kind", "refund", "currency", "EUR"))
                .json()
                .get("type")
                .get("id")
                .asString();
        for (var value : List.of(
                UUID.randomUUID() + "; amount=20",
                "not an id",
                refund + "; amount=20",
                refund + "; amount=lots; order=1")) {
            var refused = admin().post(
                            "/api/v1/automations/triggers",
                            Map.of(
                                    "name",
                                    "Refund " + UUID.randomUUID(),
                                    "event",
                                    "case_opened",
                                    "actions",
                                    List.of(Map.of("type", "run_action", "value", value))));
            assertProblem(refused, 400, "invalid-input");
            assertThat(fieldsNamed(refused)).as(value).containsExactly("actions[0].value");
        }
    }

    @Test
    void aTriggerCallsAWebhookWithTheCaseOnceTheChangeIsSaved() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var webhook = admin().post(
                        "/api/v1/webhooks",
                        Map.of(
                                "name",
                                "Order system " + UUID.randomUUID(),
                                "url",
                                "http://127.0.0.1:9/hooks",
                                "eventTypes",
                                List.of("case.opened")))
                .json()
                .get("webhook")
                .get("id")
                .asString();
        try {
            String name = "Tell the order system " + UUID.randomUUID();
            createTrigger(Map.of(
                    "name",
                    name,
                    "event",
                    "case_opened",
                    "enabled",
                    true,
                    "conditions",
                    List.of(Map.of("field", "team", "op", "is", "value", team.toString())),
                    "actions",
                    List.of(Map.of("type", "call_webhook", "value", webhook))));

            var kase = openCase(agent.api(), team, "Parcel lost");

            var deliveries = admin().get("/api/v1/webhooks/" + webhook + "/deliveries")
                    .json()
                    .get("items");
            var called = deliveries
                    .valueStream()
                    .filter(d -> "automation.called".equals(d.get("eventType").asString()))
                    .toList();
            assertThat(called).hasSize(1);
            var body = admin().get("/api/v1/webhooks/" + webhook + "/deliveries/"
                            + called.getFirst().get("id").asString())
                    .json()
                    .get("body")
                    .asString();
            assertThat(body).contains(kase.toString(), name);
            var detail = agent.api().get("/api/v1/cases/" + kase).json();
            assertThat(events(detail, "automation_ran")
                            .getFirst()
                            .get("data")
                            .get("changes")
                            .valueStream()
                            .map(JsonNode::asString))
                    .containsExactly("webhook");
        } finally {
            admin().send("DELETE", "/api/v1/webhooks/" + webhook, null);
        }
    }

    @Test
    void aDisabledTriggerDoesNothing() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        createTrigger(Map.of(
                "name",
                "Disabled " + UUID.randomUUID(),
                "event",
                "customer_replied",
                "enabled",
                false,
                "conditions",
                List.of(Map.of("field", "team", "op", "is", "value", team.toString())),
                "actions",
                List.of(Map.of("type", "set_priority", "value", "urgent"))));
        var kase = openCase(agent.api(), team, "Broken zipper");

        customerWrites(agent.api(), kase, "Hello again?");

        var detail = agent.api().get("/api/v1/cases/" + kase).json();
        assertThat(detail.get("priority").asString()).isEqualTo("normal");
        assertThat(events(detail, "automation_ran")).isEmpty();
    }

    @Test
    void aDryRunListsTheCasesATriggerWouldTouchAndChangesNothing() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var vip = openCase(agent.api(), team, "Order never arrived");
        agent.api().send("PATCH", "/api/v1/cases/" + vip, Map.of("tags", List.of("vip")));
        var plain = openCase(agent.api(), team, "Question about sizes");
        var trigger = createTrigger(Map.of(
                "name",
                "VIP first " + UUID.randomUUID(),
                "event",
                "customer_replied",
                "conditions",
                List.of(
                        Map.of("field", "team", "op", "is", "value", team.toString()),
                        Map.of("field", "tags", "op", "is", "value", "VIP")),
                "actions",
                List.of(Map.of("type", "set_priority", "value", "urgent"))));

        var dryRun = admin().get("/api/v1/automations/triggers/" + trigger + "/dry-run");

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        var ids = dryRun.json()
                .get("cases")
                .valueStream()
                .map(c -> c.get("caseId").asString())
                .toList();
        assertThat(ids).contains(vip.toString()).doesNotContain(plain.toString());
        assertThat(agent.api()
                        .get("/api/v1/cases/" + vip)
                        .json()
                        .get("priority")
                        .asString())
                .isEqualTo("normal");
    }

    @Test
    void badDefinitionsAreRefusedFieldByFieldAndAgentsMayNotManageTriggers() {
        var refused = admin().post(
                        "/api/v1/automations/triggers",
                        Map.of(
                                "name",
                                "",
                                "event",
                                "moon_phase",
                                "conditions",
                                List.of(Map.of("field", "shoe_size", "op", "is", "value", "9")),
                                "actions",
                                List.of(Map.of("type", "set_priority", "value", "sky-high"))));
        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).contains("name", "event", "conditions[0].field", "actions[0].value");

        var agent = newAgent("agent");
        assertProblem(
                agent.api()
                        .post(
                                "/api/v1/automations/triggers",
                                Map.of(
                                        "name",
                                        "Sneaky",
                                        "event",
                                        "case_opened",
                                        "actions",
                                        List.of(Map.of("type", "set_priority", "value", "low")))),
                403,
                "forbidden");
        assertProblem(agent.api().get("/api/v1/automations/timed"), 403, "forbidden");
    }

    private UUID createTrigger(Map<String, Object> body) {
        var created = admin().post("/api/v1/automations/triggers", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var id = UUID.fromString(created.json().get("id").asString());
        this.created.add(id);
        return id;
    }

    private static void customerWrites(Api api, UUID kase, String body) {
        var written = api.post("/api/v1/cases/" + kase + "/messages", Map.of("body", body));
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
    }

    static List<JsonNode> events(JsonNode kase, String type) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> type.equals(e.path("eventType").asString("")))
                .toList();
    }
}
