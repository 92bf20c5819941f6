package dev.casekeeper.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseImports;
import dev.casekeeper.cases.CasePage;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.ImportCase;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sidebar counts a saved view as the built-in views are counted: past the cap, "1,000+". */
class SavedViewCountsTests extends ApiTestBase {

    @Autowired
    private CaseImports imports;

    @Autowired
    private JdbcClient jdbc;

    /** It read "1000+", written into the template, beside the built-in views' "1,000+". */
    @Test
    void aSavedViewOfMoreThanAThousandCasesCountsThemAsTheBuiltInViewsDo() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        var first = openCase(agent.api(), team, "Counted first");
        var requester = new CustomerId(UUID.fromString(agent.api()
                .get("/api/v1/cases/" + first)
                .json()
                .get("requesterId")
                .asString()));
        String mark = "t" + UUID.randomUUID().toString().substring(0, 8);
        var now = Instant.now();
        imports.upsert(IntStream.range(0, CasePage.COUNT_CAP)
                .mapToObj(i -> new ImportCase(
                        new CaseId(UUID.randomUUID()),
                        "Counted " + i,
                        requester,
                        Channel.EMAIL,
                        CaseStatus.OPEN,
                        Priority.NORMAL,
                        List.of(mark),
                        Map.of(),
                        now,
                        now,
                        List.of()))
                .toList());
        jdbc.sql("update cases.support_case set team_id = :team where tags @> array[cast(:mark as text)]")
                .param("team", team)
                .param("mark", mark)
                .update();
        var created = agent.api()
                .post("/api/v1/saved-views", Map.of("name", "Whole team", "filters", Map.of("teamId", team)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String view = created.json().get("id").asString();

        var nav = WebSession.anonymous(port)
                .signIn(agent.email(), PASSWORD)
                .getPart("/saved-views/nav")
                .html();

        assertThat(nav.select("#saved-view-" + view + " .view-count").text()).isEqualTo("1,000+");
    }
}
