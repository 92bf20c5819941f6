package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Merging a duplicate into another case, through the API: what moves, who may, and every refusal. */
class CaseMergeApiTests extends CasesApiTestBase {

    @Test
    void aMergedDuplicateIsClosedWithAPointerAndTheTargetShowsBothTimelines() {
        var team = newTeam();
        var priya = newAgent("agent", team);
        var customer = uniqueEmail();
        String target = idOf(open(priya.api(), aCase().team(team).from(customer).saying("My key is gone.")));
        String duplicate =
                idOf(open(priya.api(), aCase().team(team).from(customer).saying("Writing again: still no key.")));

        var merged = priya.api()
                .post(
                        "/api/v1/cases/" + duplicate + "/merge",
                        Map.of("targetId", target, "message", "We carry on in your first case."));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(201);
        assertThat(merged.json().get("targetId").asString()).isEqualTo(target);
        assertThat(merged.json().get("undoableUntil").isNull()).isFalse();
        var dup = read(priya.api(), duplicate);
        assertThat(dup.get("status").asString()).isEqualTo("closed");
        assertThat(bodies(dup)).contains("We carry on in your first case.");
        assertThat(event(dup, "merged_into").get("data").get("targetNumber").asLong())
                .isEqualTo(read(priya.api(), target).get("number").asLong());
        var tgt = read(priya.api(), target);
        assertThat(bodies(tgt)).contains("My key is gone.", "Writing again: still no key.");
        assertThat(event(tgt, "merged_from").get("data").get("sourceNumber").asLong())
                .isEqualTo(dup.get("number").asLong());
        var relations =
                priya.api().get("/api/v1/cases/" + target + "/relations").json();
        assertThat(relations.get("merges").get(0).get("sourceId").asString()).isEqualTo(duplicate);
    }

    @Test
    void aMessageForTheMergedDuplicateGoesOnInTheTarget() {
        var team = newTeam();
        var priya = newAgent("agent", team);
        String target = idOf(open(priya.api(), aCase().team(team)));
        String duplicate = idOf(open(priya.api(), aCase().team(team)));
        merge(priya.api(), duplicate, target);

        var received =
                priya.api().post("/api/v1/cases/" + duplicate + "/messages", Map.of("body", "Any news on my key?"));

        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("id").asString()).isEqualTo(target);
        assertThat(read(priya.api(), duplicate).get("status").asString()).isEqualTo("closed");
        assertThat(bodies(read(priya.api(), target))).contains("Any news on my key?");
    }

    @Test
    void refusesToMergeACaseIntoItselfAndChangesNothing() {
        var priya = newAgent("agent");
        String id = idOf(open(priya.api(), aCase()));
        var before = read(admin(), id);

        assertProblem(
                priya.api().post("/api/v1/cases/" + id + "/merge", Map.of("targetId", id)), 409, "merge-into-itself");
        assertThat(read(admin(), id)).isEqualTo(before);
    }

    @Test
    void anAgentCannotMergeCasesTheyCannotSeeAndIsToldNeitherExists() {
        var support = newTeam();
        var billing = newTeam();
        var maria = newAgent("agent", support);
        var bob = newAgent("agent", billing);
        String hidden = idOf(open(maria.api(), aCase().team(support)));
        String own = idOf(open(bob.api(), aCase().team(billing)));
        var hiddenBefore = read(admin(), hidden);
        var ownBefore = read(admin(), own);

        assertProblem(bob.api().post("/api/v1/cases/" + own + "/merge", Map.of("targetId", hidden)), 404, "not-found");
        assertProblem(bob.api().post("/api/v1/cases/" + hidden + "/merge", Map.of("targetId", own)), 404, "not-found");
        assertProblem(bob.api().post("/api/v1/cases/" + own + "/links", Map.of("childId", hidden)), 404, "not-found");
        assertProblem(bob.api().get("/api/v1/cases/" + hidden + "/relations"), 404, "not-found");
        assertThat(read(admin(), hidden)).isEqualTo(hiddenBefore);
        assertThat(read(admin(), own)).isEqualTo(ownBefore);
    }

    @Test
    void refusesToMergeAClosedCaseOrIntoOneAndChangesNothing() {
        var priya = newAgent("agent");
        String closed = idOf(open(priya.api(), aCase()));
        bringTo(priya.api(), closed, "closed");
        String open = idOf(open(priya.api(), aCase()));
        var closedBefore = read(admin(), closed);
        var openBefore = read(admin(), open);

        assertProblem(
                priya.api().post("/api/v1/cases/" + closed + "/merge", Map.of("targetId", open)), 409, "case-closed");
        assertProblem(
                priya.api().post("/api/v1/cases/" + open + "/merge", Map.of("targetId", closed)),
                409,
                "merge-target-closed");
        assertThat(read(admin(), closed)).isEqualTo(closedBefore);
        assertThat(read(admin(), open)).isEqualTo(openBefore);
    }

    @Test
    void refusesUnknownCasesAndAMissingTargetAndChangesNothing() {
        var priya = newAgent("agent");
        String id = idOf(open(priya.api(), aCase()));
        var before = read(admin(), id);
        String unknown = UUID.randomUUID().toString();

        assertProblem(
                priya.api().post("/api/v1/cases/" + id + "/merge", Map.of("targetId", unknown)), 404, "not-found");
        assertProblem(
                priya.api().post("/api/v1/cases/" + unknown + "/merge", Map.of("targetId", id)), 404, "not-found");
        assertProblem(priya.api().post("/api/v1/cases/" + id + "/merge", Map.of()), 400, "invalid-input");
        assertProblem(priya.api().delete("/api/v1/cases/" + id + "/merge"), 403, "forbidden");
        assertProblem(admin().delete("/api/v1/cases/" + id + "/merge"), 404, "not-found");
        assertThat(read(admin(), id)).isEqualTo(before);
    }

    @Test
    void aSupervisorUndoesAMergeAndTheDuplicateIsBackAsItWas() {
        var team = newTeam();
        var priya = newAgent("agent", team);
        var lead = newAgent("supervisor");
        String target = idOf(open(priya.api(), aCase().team(team).saying("First message.")));
        String duplicate = idOf(open(priya.api(), aCase().team(team).saying("The duplicate's own words.")));
        change(priya.api(), duplicate, Map.of("status", "pending"));
        merge(priya.api(), duplicate, target);

        assertProblem(priya.api().delete("/api/v1/cases/" + duplicate + "/merge"), 403, "forbidden");
        var undone = lead.api().delete("/api/v1/cases/" + duplicate + "/merge");

        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(undone.json().get("undoneAt").isNull()).isFalse();
        var dup = read(priya.api(), duplicate);
        assertThat(dup.get("status").asString()).isEqualTo("pending");
        assertThat(eventTypes(dup)).contains("merged_into", "merge_undone");
        var tgt = read(priya.api(), target);
        assertThat(bodies(tgt)).contains("First message.").doesNotContain("The duplicate's own words.");
        assertThat(eventTypes(tgt)).contains("merged_from", "merge_undone");
        assertProblem(lead.api().delete("/api/v1/cases/" + duplicate + "/merge"), 404, "not-found");
    }

    @Test
    void linksAProblemToItsIncidentsAndTellsTheirCustomersWhenItIsSolved() {
        var team = newTeam();
        var priya = newAgent("agent", team);
        var lead = newAgent("supervisor");
        String problem = idOf(open(priya.api(), aCase().team(team).subject("Licence server down")));
        String incident = idOf(open(priya.api(), aCase().team(team)));
        String closedIncident = idOf(open(priya.api(), aCase().team(team)));

        var link = priya.api().post("/api/v1/cases/" + problem + "/links", Map.of("childId", incident));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        priya.api().post("/api/v1/cases/" + problem + "/links", Map.of("childId", closedIncident));
        bringTo(priya.api(), closedIncident, "closed");
        assertProblem(
                priya.api().post("/api/v1/cases/" + incident + "/links", Map.of("childId", problem)),
                409,
                "already-linked");
        assertProblem(
                priya.api().post("/api/v1/cases/" + problem + "/links", Map.of("childId", problem)),
                409,
                "link-to-itself");
        assertThat(eventTypes(read(priya.api(), incident))).contains("case_linked");

        var told = priya.api()
                .post(
                        "/api/v1/cases/" + problem + "/linked-replies",
                        Map.of("body", "The licence server is back: activate again.", "solve", true));

        assertThat(told.status()).as(told.toString()).isEqualTo(200);
        var results = List.copyOf(told.json().values());
        assertThat(results).hasSize(2);
        var done = results.stream()
                .filter(r -> r.get("caseId").asString().equals(incident))
                .findFirst()
                .orElseThrow();
        assertThat(done.get("replied").asBoolean()).isTrue();
        assertThat(done.get("solved").asBoolean()).isTrue();
        var refused = results.stream()
                .filter(r -> r.get("caseId").asString().equals(closedIncident))
                .findFirst()
                .orElseThrow();
        assertThat(refused.get("replied").asBoolean()).isFalse();
        assertThat(refused.get("refusal").get("code").asString()).isEqualTo("case-closed");
        var incidentNow = read(priya.api(), incident);
        assertThat(incidentNow.get("status").asString()).isEqualTo("solved");
        assertThat(bodies(incidentNow)).contains("The licence server is back: activate again.");

        String linkId = link.json().get("id").asString();
        assertProblem(priya.api().delete("/api/v1/cases/" + problem + "/links/" + linkId), 403, "forbidden");
        var unlinked = lead.api().delete("/api/v1/cases/" + problem + "/links/" + linkId);
        assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(200);
        assertThat(eventTypes(read(priya.api(), incident))).contains("case_unlinked");
    }

    static void merge(Api api, String source, String target) {
        var merged = api.post("/api/v1/cases/" + source + "/merge", Map.of("targetId", target));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(201);
    }

    static List<String> bodies(JsonNode kase) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("body") != null && !e.get("body").isNull())
                .map(e -> e.get("body").asString())
                .toList();
    }

    static List<String> eventTypes(JsonNode kase) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("eventType") != null && !e.get("eventType").isNull())
                .map(e -> e.get("eventType").asString())
                .toList();
    }

    static JsonNode event(JsonNode kase, String type) {
        return kase.get("timeline")
                .valueStream()
                .filter(e -> e.get("eventType") != null
                        && type.equals(e.get("eventType").asString()))
                .findFirst()
                .orElseThrow();
    }
}
