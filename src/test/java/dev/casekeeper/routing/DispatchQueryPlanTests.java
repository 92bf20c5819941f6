package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queries behind every offer can use their indexes. The test tables are small, so the planner
 * would rightly scan them; with sequential scans priced out it shows which indexes it can use.
 */
class DispatchQueryPlanTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theWaitingContactsOfATeamAreReadInServingOrderFromTheQueueIndex() {
        var plan = explain(ContactQueries.WAITING_IN_TEAM
                .replace(":team", "'" + UUID.randomUUID() + "'")
                .replace(":limit", "20"));

        assertThat(plan).contains("contact_queue").doesNotContain("Sort");
    }

    @Test
    void theWaitingContactsOfSeveralTeamsAreFoundByTheQueueIndex() {
        var teams = UUID.randomUUID() + "," + UUID.randomUUID();

        assertThat(explain(ContactQueries.WAITING
                        .replace(":teams", "'" + teams + "'")
                        .replace(":limit", "20")))
                .contains("contact_queue");
    }

    @Test
    void availableAgentsAndTheirLoadComeFromIndexes() {
        var sql = AgentStateQueries.candidatesSql(RoutedChannel.CHAT)
                .replace(":team", "'" + UUID.randomUUID() + "'")
                .replace(":skills", "'fr'")
                .replace(":default", "3")
                .replace(":channel", "'chat'")
                .replace(":contact", "'" + UUID.randomUUID() + "'")
                .replace(":limit", "5");

        assertThat(explain(sql)).contains("agent_state_available", "contact_load", "offer_contact");
    }

    private String explain(String sql) {
        return transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            List<String> lines = jdbc.sql("explain " + sql).query(String.class).list();
            return String.join("\n", lines);
        });
    }
}
