package dev.casekeeper.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The saved views' filters on SLA state and heat are conditions the partial indexes of
 * {@code cases/V16_19} answer, as {@link CriteriaQueries} writes them (states written out, not
 * bound, so even a generic plan can use them). The test database is small, so sequential scans are
 * switched off to see which index the planner can use; it asserts no timing.
 */
class CaseFlagIndexTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aCountOfBreachedOrAtRiskCasesReadsThePartialIndex() {
        assertThat(plan("select count(*) from (select 1 from cases.support_case c where c.removed_at is null"
                        + " and c.sla_state in ('at_risk', 'breached') limit 1001) capped"))
                .contains("case_sla_attention");
        assertThat(plan("select c.id from cases.support_case c where c.removed_at is null"
                        + " and c.sla_state in ('breached') order by c.updated_at desc limit 25"))
                .contains("case_sla_attention");
    }

    @Test
    void aCountOfHeatedCasesReadsThePartialIndex() {
        assertThat(plan("select count(*) from (select 1 from cases.support_case c where c.removed_at is null"
                        + " and c.heated limit 1001) capped"))
                .contains("case_heated");
    }

    private String plan(String query) {
        return transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            List<String> lines =
                    jdbc.sql("explain " + query).query(String.class).list();
            return String.join("\n", lines);
        });
    }
}
