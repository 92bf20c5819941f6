package dev.casekeeper.feedback;

import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.ErasedCustomer;
import dev.casekeeper.customers.MergeId;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.shared.Erasing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On a merge of the customer's records, her ratings, compliments and complaints move to the record
 * that remains, and back on an undo (what that record gave since stays with it).
 *
 * <p>On erasure, what the customer wrote as feedback loses its words: her ratings' comments, her
 * compliments' and complaints' texts. The scores, and that a compliment or a complaint was made, stay
 * for the agents' and the team's figures (a compliment stays on the agent's profile, without words).
 * Her complaint cases are her cases: their messages are erased with her other messages. The
 * notifications that quoted her rating's comment or her compliment to agents are rewritten.
 */
@Component
class FeedbackCustomerData implements CustomerDataHolder {

    static final String ERASED = "(erased)";
    static final String NOTIFICATION_ERASED = "The customer's words in this notification were erased at her request.";

    private final JdbcClient jdbc;
    private final NotificationManagement notifications;

    FeedbackCustomerData(JdbcClient jdbc, NotificationManagement notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /** A feedback row whose words went, and the notification key it was told under. */
    private record Quoted(UUID caseId, String keyPrefix) {}

    /** The feedback tables with a customer; {@code feedback.customer_move.kind} names them. */
    private static final List<String> KINDS = List.of("rating", "compliment", "complaint");

    @Override
    public void merged(MergeId merge, CustomerId source, CustomerId target) {
        move(merge, """
                with moved as (
                    update feedback.%1$s set customer_id = :to where customer_id = :from returning id
                )
                insert into feedback.customer_move (merge_id, kind, row_id) select :merge, '%1$s', id from moved
                """, source, target);
    }

    @Override
    public void unmerged(MergeId merge, CustomerId source, CustomerId target) {
        move(merge, """
                update feedback.%1$s f set customer_id = :to
                from feedback.customer_move m
                where m.merge_id = :merge and m.kind = '%1$s' and m.row_id = f.id and f.customer_id = :from
                """, target, source);
    }

    /** Compliments and complaints are permanent; whose they are may change only like this. */
    private void move(MergeId merge, String sql, CustomerId from, CustomerId to) {
        merging("on");
        for (var kind : KINDS) {
            jdbc.sql(sql.formatted(kind))
                    .param("merge", merge.value())
                    .param("from", from.value())
                    .param("to", to.value())
                    .update();
        }
        merging("off");
    }

    /** Local to the transaction, as {@link Erasing}'s setting is, so a failure in between cannot leave it on. */
    private void merging(String value) {
        jdbc.sql("select set_config('casekeeper.merging', :value, true)")
                .param("value", value)
                .query()
                .singleValue();
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        var records = customer.records().stream().map(CustomerId::value).toArray(UUID[]::new);
        var erased = new LinkedHashMap<String, Integer>();
        // Compliments and complaints are permanent; only their words may go, and only like this.
        var quoted = new ArrayList<Quoted>();
        Erasing.allowed(jdbc, () -> {
            quoted.addAll(jdbc.sql("""
                            update feedback.rating set comment = null
                            where customer_id = any(:records) and comment is not null
                            returning case_id, id
                            """)
                    .param("records", records)
                    .query((rs, n) -> new Quoted(
                            rs.getObject(1, UUID.class), Ratings.notificationKeyPrefix(rs.getObject(2, UUID.class))))
                    .list());
            count(erased, "ratingComments", quoted.size());
            var compliments = jdbc.sql("""
                            update feedback.compliment set text = :erased where customer_id = any(:records)
                            returning case_id, id
                            """)
                    .param("erased", ERASED)
                    .param("records", records)
                    .query((rs, n) -> new Quoted(
                            rs.getObject(1, UUID.class),
                            FeedbackManagement.notificationKey(rs.getObject(2, UUID.class))))
                    .list();
            count(erased, "compliments", compliments.size());
            quoted.addAll(compliments);
            count(
                    erased,
                    "complaints",
                    jdbc.sql("update feedback.complaint set text = :erased where customer_id = any(:records)")
                            .param("erased", ERASED)
                            .param("records", records)
                            .update());
        });
        notifications.replaceTexts(
                new HashSet<>(quoted.stream().map(Quoted::caseId).toList()),
                quoted.stream().map(Quoted::keyPrefix).toList(),
                NOTIFICATION_ERASED);
        return erased;
    }

    private static void count(Map<String, Integer> erased, String what, int rows) {
        if (rows > 0) {
            erased.put(what, rows);
        }
    }
}
