package dev.casekeeper.automations;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code send_email} action over the API: a bad template is refused and nothing is saved; an
 * automation's email is a reply by Casekeeper, filled in for the case, that sets off no
 * {@code agent_replied} trigger; the dry-run shows what it would say. Every trigger here is scoped to
 * the test's own team.
 */
class EmailActionApiTests extends ApiTestBase {

    private final List<UUID> created = new java.util.ArrayList<>();

    @AfterEach
    void removeTriggers() {
        created.forEach(id -> admin().send("DELETE", "/api/v1/automations/triggers/" + id, null));
    }

    @Test
    void aTemplateThatIsEmptyUsesAnUnknownPlaceholderOrNamesNoCannedResponseIsRefusedAndNothingIsSaved() {
        String name = "Bad email " + UUID.randomUUID();
        var refusals = Map.of(
                "",
                "macro:<id> of a canned response",
                "Dear {{customer.nmae}}",
                "unknown placeholder {{customer.nmae}}",
                "macro:" + UUID.randomUUID(),
                "no canned response has this id",
                "macro:not-an-id",
                "must name a canned response by its id");
        refusals.forEach((value, message) -> {
            var refused = admin().post(
                            "/api/v1/automations/triggers",
                            Map.of(
                                    "name",
                                    name,
                                    "event",
                                    "case_opened",
                                    "actions",
                                    List.of(Map.of("type", "send_email", "value", value))));
            assertProblem(refused, 400, "invalid-input");
            assertThat(fieldsNamed(refused)).as(value).containsExactly("actions[0].value");
            assertThat(refused.json().get("errors").get(0).get("message").asString())
                    .as(value)
                    .contains(message);
        });
        assertThat(admin().get("/api/v1/automations/triggers")
                        .json()
                        .valueStream()
                        .map(t -> t.get("name").asString()))
                .doesNotContain(name);
    }

    @Test
    void anAgentsReplySetsOffOneEmailFromACannedResponseAndTheEmailSetsOffNoFurtherAgentReplyTrigger() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var macro = admin().post(
                        "/api/v1/macros",
                        Map.of(
                                "name",
                                "Survey " + UUID.randomUUID(),
                                "body",
                                "Hi {{customer.preferredName}}, {{agent.name}} answered case #{{case.number}}."))
                .json()
                .get("id")
                .asString();
        var trigger = createTrigger(Map.of(
                "name",
                "Tell the customer " + UUID.randomUUID(),
                "event",
                "agent_replied",
                "enabled",
                true,
                "conditions",
                List.of(Map.of("field", "team", "op", "is", "value", team.toString())),
                "actions",
                List.of(Map.of("type", "send_email", "value", "macro:" + macro))));
        var kase = openCase(agent.api(), team, "Invoice address wrong");
        assertThat(agent.api()
                        .post("/api/v1/cases/" + kase + "/assignment", Map.of("ownerId", agent.id()))
                        .status())
                .isEqualTo(200);

        var replied = agent.api().post("/api/v1/cases/" + kase + "/replies", Map.of("body", "Fixed it."));

        assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
        var detail = agent.api().get("/api/v1/cases/" + kase).json();
        long number = detail.get("number").asLong();
        var replies = detail.get("timeline")
                .valueStream()
                .filter(e -> e.get("kind").asString().equals("message_out"))
                .toList();
        assertThat(replies).hasSize(2);
        var email = replies.get(1);
        assertThat(email.get("authorKind").asString()).isEqualTo("system");
        String agentName =
                admin().get("/api/v1/agents/" + agent.id()).json().get("name").asString();
        assertThat(email.get("body").asString())
                .isEqualTo("Hi Maria Lopez, " + agentName + " answered case #" + number + ".");
        assertThat(email.get("data").get("automated").get("automationId").asString())
                .isEqualTo(trigger.toString());
        var ran = TriggersApiTests.events(detail, "automation_ran");
        assertThat(ran).hasSize(1);
        assertThat(ran.getFirst().get("data").get("changes").valueStream().map(JsonNode::asString))
                .containsExactly("email");
        assertThat(TriggersApiTests.events(detail, "automation_capped")).isEmpty();
    }

    @Test
    void theDryRunShowsTheEmailAsTheCustomerWouldReadIt() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var trigger = createTrigger(Map.of(
                "name",
                "Acknowledge " + UUID.randomUUID(),
                "event",
                "case_opened",
                "conditions",
                List.of(Map.of("field", "team", "op", "is", "value", team.toString())),
                "actions",
                List.of(Map.of("type", "send_email", "value", "Dear {{customer.name}}, we read “{{case.subject}}”."))));
        var kase = openCase(agent.api(), team, "Parcel never came");

        var dryRun = admin().get("/api/v1/automations/triggers/" + trigger + "/dry-run")
                .json();

        var byCase = new java.util.HashMap<String, JsonNode>();
        dryRun.get("cases")
                .valueStream()
                .forEach(c -> byCase.put(c.get("caseId").asString(), c));
        assertThat(byCase.get(kase.toString()).get("email").asString())
                .isEqualTo("Dear Maria Lopez, we read “Parcel never came”.");
    }

    private UUID createTrigger(Map<String, Object> body) {
        var response = admin().post("/api/v1/automations/triggers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var id = UUID.fromString(response.json().get("id").asString());
        created.add(id);
        return id;
    }
}
