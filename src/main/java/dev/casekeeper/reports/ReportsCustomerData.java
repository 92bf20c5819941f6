package dev.casekeeper.reports;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.MergeId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merge of two customer records moves the source's cases to the target (and an undo moves them
 * back): each case's row names its requester and its requester's previous case, so the rows of the
 * cases that may have moved are written again as the merge commits, from the cases as they are then.
 * Reports keep no list of what moved: on an undo, every case of the target is written again.
 */
@Component
class ReportsCustomerData implements CustomerDataHolder {

    private final JdbcClient jdbc;
    private final FactsAtCommit atCommit;

    ReportsCustomerData(JdbcClient jdbc, FactsAtCommit atCommit) {
        this.jdbc = jdbc;
        this.atCommit = atCommit;
    }

    @Override
    public void merged(MergeId merge, CustomerId source, CustomerId target) {
        casesOf(source);
    }

    @Override
    public void unmerged(MergeId merge, CustomerId source, CustomerId target) {
        casesOf(target);
    }

    private void casesOf(CustomerId requester) {
        jdbc.sql("select case_id from reports.case_fact where requester_id = :requester")
                .param("requester", requester.value())
                .query(UUID.class)
                .list()
                .forEach(id -> atCommit.caseChanged(new CaseId(id)));
    }
}
