package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.casekeeper.support.Api;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** PATCH of status, priority and tags; every change in the history, every refusal without a trace. */
class CaseChangeApiTests extends CasesApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "new, open",
        "new, pending",
        "new, on_hold",
        "new, solved",
        "open, pending",
        "pending, on_hold",
        "on_hold, open",
        "solved, open",
        "solved, closed"
    })
    void movesAlongAnAllowedTransition(String from, String to) {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), id, from);

        var changed = change(agent.api(), id, Map.of("status", to));

        assertThat(changed.get("status").asString()).isEqualTo(to);
        assertThat(read(agent.api(), id).get("status").asString()).isEqualTo(to);
        var recorded = history(agent.api(), id).getLast();
        assertThat(List.of(
                        recorded.get("field").asString(),
                        recorded.get("before").asString(),
                        recorded.get("after").asString()))
                .containsExactly("status", from, to);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "new, closed",
        "open, new",
        "open, closed",
        "pending, closed",
        "on_hold, new",
        "solved, pending",
        "closed, open",
        "closed, solved"
    })
    void refusesATransitionOutsideTheTableAndChangesNothing(String from, String to) {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), id, from);
        var before = read(agent.api(), id);
        var historyBefore = history(agent.api(), id);

        var refused = agent.api().patch("/api/v1/cases/" + id, Map.of("status", to));

        assertProblem(refused, 409, from.equals("closed") ? "case-closed" : "status-transition");
        assertThat(refused.json().get("detail").asString())
                .contains(from.equals("closed") ? List.of("closed") : List.of(from, to));
        assertThat(read(agent.api(), id)).isEqualTo(before);
        assertThat(history(agent.api(), id)).isEqualTo(historyBefore);
    }

    @Test
    void aRefusedTransitionTakesThePriorityAndTagsSentWithItBackToo() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase().tags("license")));
        var before = read(agent.api(), id);

        var refused = agent.api()
                .patch("/api/v1/cases/" + id, Map.of("status", "closed", "priority", "urgent", "tags", List.of("vip")));

        assertProblem(refused, 409, "status-transition");
        var after = read(agent.api(), id);
        assertThat(after.get("priority").asString()).isEqualTo("normal");
        assertThat(after.get("tags").values()).extracting(JsonNode::asString).containsExactly("license");
        assertThat(after).isEqualTo(before);
        assertThat(history(agent.api(), id))
                .extracting(c -> c.get("field").asString())
                .containsExactly("created");
    }

    @Test
    void solvingAndClosingStampTheirTimes() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));

        var solved = change(agent.api(), id, Map.of("status", "solved"));
        var closed = change(agent.api(), id, Map.of("status", "closed"));

        assertThat(solved.get("solvedAt").asString()).isNotBlank();
        assertThat(closed.get("solvedAt").asString())
                .isEqualTo(solved.get("solvedAt").asString());
        assertThat(Instant.parse(closed.get("closedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(solved.get("solvedAt").asString()));
    }

    @Test
    void reopeningASolvedCaseClearsWhenItWasSolved() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), id, "solved");

        var reopened = change(agent.api(), id, Map.of("status", "open"));

        assertThat(reopened.get("solvedAt").isNull()).isTrue();
    }

    @Test
    void changesPriorityAndTagsAndRecordsBeforeAndAfter() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase().tags("license")));

        var changed = change(agent.api(), id, Map.of("priority", "urgent", "tags", List.of("License", "VIP")));

        assertThat(changed.get("priority").asString()).isEqualTo("urgent");
        assertThat(changed.get("tags").values()).extracting(JsonNode::asString).containsExactly("license", "vip");
        assertThat(history(agent.api(), id))
                .extracting(c -> c.get("field").asString(), c -> text(c.get("before")), c -> text(c.get("after")))
                .containsExactly(
                        tuple("created", null, "new"),
                        tuple("priority", "normal", "urgent"),
                        tuple("tags", "license", "license,vip"));
        assertThat(timeline(agent.api(), id))
                .filteredOn(e -> e.get("kind").asString().equals("event"))
                .extracting(
                        e -> e.get("eventType").asString(),
                        e -> values(e.get("data").get("from")),
                        e -> values(e.get("data").get("to")),
                        e -> e.get("text").asString())
                .containsExactly(
                        tuple(
                                "priority_changed",
                                List.of("normal"),
                                List.of("urgent"),
                                "Agent " + agent.email().substring(0, 12)
                                        + " changed the priority from Normal to Urgent"),
                        tuple(
                                "tags_changed",
                                List.of("license"),
                                List.of("license", "vip"),
                                "Agent " + agent.email().substring(0, 12) + " set the tags to license, vip"));
    }

    /** A value of the API's data as a list: a list's items, or the one value. */
    private static List<String> values(JsonNode node) {
        return node.isArray() ? node.values().stream().map(JsonNode::asString).toList() : List.of(node.asString());
    }

    @Test
    void removesEveryTagWithAnEmptyList() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase().tags("license", "vip")));

        var changed = change(agent.api(), id, Map.of("tags", List.of()));

        assertThat(changed.get("tags").values()).isEmpty();
    }

    @Test
    void aChangeThatChangesNothingRecordsNothing() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase().priority("high").tags("license")));
        var before = read(agent.api(), id);

        change(agent.api(), id, Map.of("status", "new", "priority", "high", "tags", List.of("LICENSE")));
        change(agent.api(), id, Map.of());

        assertThat(read(agent.api(), id)).isEqualTo(before);
        assertThat(history(agent.api(), id)).hasSize(1);
    }

    @Test
    void refusesAnUnknownStatusOrPriorityNamingItAndChangesNothing() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        var before = read(agent.api(), id);

        var badStatus = agent.api().patch("/api/v1/cases/" + id, Map.of("status", "reopened", "priority", "high"));
        var badPriority = agent.api().patch("/api/v1/cases/" + id, Map.of("status", "open", "priority", "asap"));

        assertProblem(badStatus, 400, "invalid-input");
        assertThat(fieldsNamed(badStatus)).containsExactly("status");
        assertProblem(badPriority, 400, "invalid-input");
        assertThat(fieldsNamed(badPriority)).containsExactly("priority");
        assertThat(read(agent.api(), id)).isEqualTo(before);
    }

    @Test
    void refusesATagThatIsNotOneAndChangesNothing() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        var before = read(agent.api(), id);

        var refused =
                agent.api().patch("/api/v1/cases/" + id, Map.of("priority", "high", "tags", List.of("ok", "not ok")));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("tags");
        assertThat(read(agent.api(), id)).isEqualTo(before);
    }

    @Test
    void aClosedCaseTakesNoChangeOfPriorityOrTags() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        bringTo(agent.api(), id, "closed");
        var before = read(agent.api(), id);

        assertProblem(agent.api().patch("/api/v1/cases/" + id, Map.of("priority", "urgent")), 409, "case-closed");
        assertProblem(agent.api().patch("/api/v1/cases/" + id, Map.of("tags", List.of("vip"))), 409, "case-closed");
        assertThat(read(agent.api(), id)).isEqualTo(before);
    }

    @Test
    void theHistoryNamesWhoChangedWhatWhenWithBeforeAndAfter() {
        var maria = newAgent("agent");
        var grace = newAgent("supervisor");
        String id = idOf(open(maria.api(), aCase()));
        change(maria.api(), id, Map.of("status", "pending"));
        change(grace.api(), id, Map.of("priority", "high"));
        assign(grace.api(), id, maria.id());

        var history = history(maria.api(), id);

        assertThat(history)
                .extracting(
                        c -> c.get("actorKind").asString(),
                        c -> c.get("actorId").asString(),
                        c -> c.get("field").asString(),
                        c -> text(c.get("before")),
                        c -> text(c.get("after")))
                .containsExactly(
                        tuple("agent", maria.id().toString(), "created", null, "new"),
                        tuple("agent", maria.id().toString(), "status", "new", "pending"),
                        tuple("agent", grace.id().toString(), "priority", "normal", "high"),
                        tuple(
                                "agent",
                                grace.id().toString(),
                                "owner",
                                null,
                                maria.id().toString()));
        assertThat(history)
                .extracting(c -> Instant.parse(c.get("at").asString()))
                .isSorted();
    }

    @Test
    void theHistoryOnlyGrowsWhatWasRecordedStaysAsItWas() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        change(agent.api(), id, Map.of("status", "open"));
        var earlier = history(agent.api(), id);

        change(agent.api(), id, Map.of("status", "solved"));
        change(agent.api(), id, Map.of("status", "open"));

        var later = history(agent.api(), id);
        assertThat(later).hasSize(earlier.size() + 2);
        assertThat(later.subList(0, earlier.size())).isEqualTo(earlier);
    }

    @Test
    void theDatabaseRefusesToRewriteOrEraseHistoryOrTimeline() {
        var agent = newAgent("agent");
        String id = idOf(open(agent.api(), aCase()));
        change(agent.api(), id, Map.of("priority", "low"));
        var history = history(agent.api(), id);
        var timeline = timeline(agent.api(), id);
        UUID caseId = UUID.fromString(id);

        assertThatThrownBy(() -> jdbc.sql("update cases.history set after = 'urgent' where case_id = ?")
                        .param(caseId)
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from cases.history where case_id = ?")
                        .param(caseId)
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update cases.timeline_entry set body_text = 'edited' where case_id = ?")
                        .param(caseId)
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from cases.timeline_entry where case_id = ?")
                        .param(caseId)
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(history(agent.api(), id)).isEqualTo(history);
        assertThat(timeline(agent.api(), id)).isEqualTo(timeline);
    }

    private static void assign(Api api, String caseId, UUID ownerId) {
        var assigned = api.post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", ownerId));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    }
}
