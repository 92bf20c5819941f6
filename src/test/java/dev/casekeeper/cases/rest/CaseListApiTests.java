package dev.casekeeper.cases.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing cases: each filter, newest first, one page at a time. Tests find their own cases by data only they use. */
class CaseListApiTests extends CasesApiTestBase {

    @Test
    void listsTheCasesOfOneRequesterNewestFirst() {
        var agent = newAgent("agent");
        String email = uniqueEmail();
        String first = idOf(open(agent.api(), aCase().from(email)));
        String second = idOf(open(agent.api(), aCase().from(email)));
        String requesterId = read(agent.api(), first).get("requesterId").asString();
        open(agent.api(), aCase());

        var page = agent.api().get("/api/v1/cases?requesterId=" + requesterId);

        assertThat(ids(page)).containsExactly(second, first);
        assertThat(page.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void filtersByStatus() {
        var agent = newAgent("agent");
        String email = uniqueEmail();
        String fresh = idOf(open(agent.api(), aCase().from(email)));
        String waiting = idOf(open(agent.api(), aCase().from(email)));
        String solved = idOf(open(agent.api(), aCase().from(email)));
        bringTo(agent.api(), waiting, "pending");
        bringTo(agent.api(), solved, "solved");
        String requester =
                "&requesterId=" + read(agent.api(), fresh).get("requesterId").asString();

        assertThat(ids(agent.api().get("/api/v1/cases?status=pending" + requester)))
                .containsExactly(waiting);
        assertThat(ids(agent.api().get("/api/v1/cases?status=SOLVED" + requester)))
                .containsExactly(solved);
        assertThat(ids(agent.api().get("/api/v1/cases?status=new" + requester))).containsExactly(fresh);
        assertThat(ids(agent.api().get("/api/v1/cases?status=closed" + requester)))
                .isEmpty();
        var pending =
                agent.api().get("/api/v1/cases?status=pending&limit=100").json().get("items");
        assertThat(pending.values())
                .allSatisfy(c -> assertThat(c.get("status").asString()).isEqualTo("pending"));
    }

    @Test
    void filtersByOwner() {
        var agent = newAgent("agent");
        var owner = newAgent("agent");
        String mine = idOf(open(agent.api(), aCase()));
        String alsoMine = idOf(open(agent.api(), aCase()));
        open(agent.api(), aCase());
        assign(agent.api(), mine, owner.id().toString());
        assign(agent.api(), alsoMine, owner.id().toString());

        assertThat(ids(agent.api().get("/api/v1/cases?ownerId=" + owner.id()))).containsExactly(alsoMine, mine);
    }

    @Test
    void filtersByTeam() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String queued = idOf(open(agent.api(), aCase().team(team)));
        open(agent.api(), aCase());

        assertThat(ids(agent.api().get("/api/v1/cases?teamId=" + team))).containsExactly(queued);
    }

    @Test
    void filtersByTagInAnyCase() {
        var agent = newAgent("agent");
        String tag = uniqueWord();
        String tagged = idOf(open(agent.api(), aCase().tags("returns", tag)));
        open(agent.api(), aCase().tags("returns"));

        assertThat(ids(agent.api().get("/api/v1/cases?tag=" + tag.toUpperCase())))
                .containsExactly(tagged);
    }

    @Test
    void findsCasesByAWordOfTheSubjectInAnyCase() {
        var agent = newAgent("agent");
        String word = uniqueWord();
        String match = idOf(open(agent.api(), aCase().subject("Bath mat " + word + " in the wrong colour")));
        open(agent.api(), aCase().subject("Bath mat in the right colour"));

        assertThat(ids(agent.api().get("/api/v1/cases?q=" + encode(word.toUpperCase() + " in the WRONG"))))
                .containsExactly(match);
    }

    @Test
    void findsACaseByItsNumberWithOrWithoutTheHash() {
        var agent = newAgent("agent");
        var kase = open(agent.api(), aCase());
        long number = kase.get("number").asLong();

        assertThat(ids(agent.api().get("/api/v1/cases?q=" + number))).contains(idOf(kase));
        assertThat(ids(agent.api().get("/api/v1/cases?q=" + encode("#" + number))))
                .containsExactly(idOf(kase));
    }

    @Test
    void treatsPercentAndUnderscoreInASearchAsTheCharactersTheyAre() {
        var agent = newAgent("agent");
        String word = uniqueWord();
        // Written together, so that only "part of the subject" (not its words) tells the two apart.
        String percent = idOf(open(agent.api(), aCase().subject("Code " + word + "50%off missing")));
        String letter = idOf(open(agent.api(), aCase().subject("Code " + word + "50xoff missing")));

        assertThat(ids(agent.api().get("/api/v1/cases?q=" + encode(word + "50%off"))))
                .containsExactly(percent);
        assertThat(ids(agent.api().get("/api/v1/cases?q=" + encode(word + "50_off"))))
                .doesNotContain(letter);
    }

    @Test
    void combinesFiltersSoEveryOneApplies() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        String tag = uniqueWord();
        String both = idOf(open(agent.api(), aCase().team(team).tags(tag)));
        open(agent.api(), aCase().team(team));
        open(agent.api(), aCase().tags(tag));

        assertThat(ids(agent.api().get("/api/v1/cases?teamId=" + team + "&tag=" + tag)))
                .containsExactly(both);
    }

    @Test
    void pagesThroughCasesNewestFirstWithoutDuplicatesOrGaps() {
        var agent = newAgent("agent");
        String email = uniqueEmail();
        var created = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            created.add(idOf(open(agent.api(), aCase().from(email))));
        }
        String requesterId =
                read(agent.api(), created.getFirst()).get("requesterId").asString();

        var seen = new ArrayList<String>();
        var pageSizes = new ArrayList<Integer>();
        String cursor = null;
        do {
            var page = agent.api()
                    .get("/api/v1/cases?limit=2&requesterId=" + requesterId
                            + (cursor == null ? "" : "&cursor=" + cursor));
            var items = ids(page);
            pageSizes.add(items.size());
            seen.addAll(items);
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asString();
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(created.reversed());
    }

    @Test
    void aCaseOpenedWhileSomeonePagesNeitherRepeatsNorHidesTheOthers() {
        var agent = newAgent("agent");
        String email = uniqueEmail();
        var created = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            created.add(idOf(open(agent.api(), aCase().from(email))));
        }
        String query = "/api/v1/cases?limit=2&requesterId="
                + read(agent.api(), created.getFirst()).get("requesterId").asString();
        var first = agent.api().get(query);
        String newest = idOf(open(agent.api(), aCase().from(email)));

        var second = agent.api()
                .get(query + "&cursor=" + first.json().get("nextCursor").asString());

        assertThat(ids(first)).containsExactly(created.get(3), created.get(2));
        assertThat(ids(second)).containsExactly(created.get(1), created.get(0));
        assertThat(ids(agent.api().get(query)).getFirst()).isEqualTo(newest);
    }

    @Test
    void answersAnEmptyPageWhenNothingMatches() {
        var page = newAgent("agent").api().get("/api/v1/cases?q=" + uniqueWord());

        assertThat(ids(page)).isEmpty();
        assertThat(page.json().get("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "MjAyNi0wMy0wMlQwOTowMDowMFo", "%20"})
    void refusesACursorItDidNotIssue(String cursor) {
        var refused = newAgent("agent").api().get("/api/v1/cases?cursor=" + cursor);

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1"})
    void refusesALimitOutsideOneToAHundred(String limit) {
        var refused = newAgent("agent").api().get("/api/v1/cases?limit=" + limit);

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("limit");
    }

    @Test
    void takesAHundredAsTheLargestPage() {
        assertThat(newAgent("agent").api().get("/api/v1/cases?limit=100").status())
                .isEqualTo(200);
    }

    @Test
    void refusesAStatusThatDoesNotExistNamingIt() {
        var refused = newAgent("agent").api().get("/api/v1/cases?status=reopened");

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownerId", "teamId", "requesterId"})
    void refusesAnIdFilterThatIsNotAnIdNamingIt(String filter) {
        var refused = newAgent("agent").api().get("/api/v1/cases?" + filter + "=maria");

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly(filter);
    }

    private static void assign(Api api, String caseId, String ownerId) {
        var assigned = api.post("/api/v1/cases/" + caseId + "/assignment", Map.of("ownerId", ownerId));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    }
}
