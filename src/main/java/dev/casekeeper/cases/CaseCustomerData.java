package dev.casekeeper.cases;

import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.ErasedCustomer;
import dev.casekeeper.customers.MergeId;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.Erasing;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's cases on a merge of her records (they move to the record that remains, each with a
 * line in the case's history, and back on an undo) and her words on erasure (the text, HTML and
 * channel facts of the messages she wrote are blanked, and the recordings of her calls; the cases and
 * everyone else's entries stay).
 */
@Component
class CaseCustomerData implements CustomerDataHolder {

    /** What an erased message reads. */
    static final String ERASED = "(erased at the customer's request)";

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseCustomerData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void merged(MergeId merge, CustomerId source, CustomerId target) {
        move("""
                with moved as (
                    update cases.support_case set requester_id = :to where requester_id = :from returning id
                ), kept as (
                    insert into cases.requester_move (merge_id, case_id, from_id, to_id, moved_at)
                    select :merge, id, :from, :to, :now from moved
                )
                insert into cases.history (case_id, actor_kind, actor_id, field, before, after, at)
                select id, :actor, null, 'requester', :fromText, :toText, :now from moved
                """, merge, source, target);
    }

    @Override
    public void unmerged(MergeId merge, CustomerId source, CustomerId target) {
        move("""
                with moved as (
                    update cases.support_case c set requester_id = :to
                    from cases.requester_move m
                    where m.merge_id = :merge and m.case_id = c.id and c.requester_id = :from
                    returning c.id
                )
                insert into cases.history (case_id, actor_kind, actor_id, field, before, after, at)
                select id, :actor, null, 'requester', :fromText, :toText, :now from moved
                """, merge, target, source);
    }

    private void move(String sql, MergeId merge, CustomerId from, CustomerId to) {
        TransactionOutlines.forget();
        jdbc.sql(sql)
                .param("merge", merge.value())
                .param("from", from.value())
                .param("to", to.value())
                .param("fromText", from.toString())
                .param("toText", to.toString())
                .param("actor", Actor.SYSTEM.kind().value())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        TransactionOutlines.forget();
        int messages = Erasing.answering(jdbc, () -> {
            int erased = jdbc.sql("""
                            update cases.timeline_entry set body_text = :erased, body_html = null, data = null
                            where kind = 'message_in' and author_kind = 'customer' and author_id in (:ids)
                            """)
                    .param("erased", ERASED)
                    .param(
                            "ids",
                            customer.records().stream().map(CustomerId::value).toList())
                    .update();
            // Her feedback's words on the timeline: a rating's comment, a compliment's text.
            jdbc.sql("""
                            update cases.timeline_entry
                            set data = case event_type
                                           when 'satisfaction_rated' then jsonb_set(data, '{comment}', 'null'::jsonb)
                                           else jsonb_set(data, '{text}', to_jsonb(:erased::text))
                                       end
                            where kind = 'event' and author_kind = 'customer' and author_id in (:ids)
                              and event_type in ('satisfaction_rated', 'compliment_received')
                            """)
                    .param("erased", ERASED)
                    .param(
                            "ids",
                            customer.records().stream().map(CustomerId::value).toList())
                    .update();
            // A call's recording is her voice: the call stays on the timeline, its recording does not.
            jdbc.sql("""
                            update cases.timeline_entry e set data = e.data - 'recordingUrl'
                            from cases.support_case c
                            where e.case_id = c.id and c.requester_id in (:ids)
                              and e.event_type = 'call_ended' and e.data ->> 'recordingUrl' is not null
                            """)
                    .param(
                            "ids",
                            customer.records().stream().map(CustomerId::value).toList())
                    .update();
            return erased;
        });
        return Map.of("messages", messages);
    }
}
