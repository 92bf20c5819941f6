package dev.casekeeper.channels.email;

import dev.casekeeper.cases.CaseDeleted;
import dev.casekeeper.cases.CaseMarkedSpam;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.Identity;
import dev.casekeeper.customers.IdentityKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the email channel does when a case is marked as spam or deleted, in that change's transaction,
 * so both happen or neither: spam with "block the sender" blocks the address the case's mail came
 * from; a deleted case's raw messages, sent mail and attachments are deleted.
 */
@Component
class EmailCaseRemovals {

    private static final Logger log = LoggerFactory.getLogger(EmailCaseRemovals.class);

    private final ThreadQueries threads;
    private final CustomerManagement customers;
    private final BlockListManagement blockList;
    private final JdbcClient jdbc;

    EmailCaseRemovals(
            ThreadQueries threads, CustomerManagement customers, BlockListManagement blockList, JdbcClient jdbc) {
        this.threads = threads;
        this.customers = customers;
        this.blockList = blockList;
        this.jdbc = jdbc;
    }

    @EventListener(condition = "#event.blockSender()")
    void on(CaseMarkedSpam event) {
        var address = threads.thread(event.caseId().value())
                .map(ThreadQueries.CaseThread::customerAddress)
                .filter(a -> !a.isBlank())
                .or(() -> customers.find(event.requesterId()).identities().stream()
                        .filter(i -> i.kind() == IdentityKind.EMAIL)
                        .map(Identity::value)
                        .findFirst());
        if (address.isEmpty()) {
            log.info("Case {} marked as spam: its customer has no email address to block", event.caseId());
            return;
        }
        blockList.block(address.get(), event.by());
    }

    @EventListener
    void on(CaseDeleted event) {
        var caseId = event.caseId().value();
        int attachments = jdbc.sql("""
                        update email.attachment set content = null, omitted_reason = 'deleted with its case'
                        where case_id = :case
                        """).param("case", caseId).update();
        int inbound = jdbc.sql("update email.inbound_message set raw = ''::bytea, size = 0 where case_id = :case")
                .param("case", caseId)
                .update();
        int outbound = jdbc.sql("""
                        update email.outbound_message
                        set raw = ''::bytea, recipient = '', cc = '{}',
                            state = case when state = 'queued' then 'failed' else state end,
                            last_error = case when state = 'queued' then 'The case was deleted' else last_error end
                        where case_id = :case
                        """).param("case", caseId).update();
        // The third parties a message of the case was forwarded to: their answers find no case now.
        int forwards = jdbc.sql("update email.forward set addresses = '{}' where case_id = :case")
                .param("case", caseId)
                .update();
        log.info(
                "Case {} deleted: {} attachments, {} received and {} sent messages and {} forwards of it deleted",
                caseId,
                attachments,
                inbound,
                outbound,
                forwards);
    }
}
