package dev.casekeeper.channels.chat;

import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.ErasedCustomer;
import dev.casekeeper.customers.MergeId;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's chats: they follow her to the record that remains after a merge (and back on an
 * undo); on erasure, what she wrote in them and what the pre-chat form said (name, email, phone,
 * topic) is blanked, and her browser no longer resumes them.
 */
@Component
class ChatCustomerData implements CustomerDataHolder {

    static final String ERASED = "(erased)";

    private final JdbcClient jdbc;

    ChatCustomerData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void merged(MergeId merge, CustomerId source, CustomerId target) {
        jdbc.sql("""
                        with moved as (
                            update chat.conversation set customer_id = :to where customer_id = :from returning id
                        )
                        insert into chat.customer_move (merge_id, conversation_id) select :merge, id from moved
                        """)
                .param("merge", merge.value())
                .param("from", source.value())
                .param("to", target.value())
                .update();
    }

    @Override
    public void unmerged(MergeId merge, CustomerId source, CustomerId target) {
        jdbc.sql("""
                        update chat.conversation c set customer_id = :to
                        from chat.customer_move m
                        where m.merge_id = :merge and m.conversation_id = c.id and c.customer_id = :from
                        """)
                .param("merge", merge.value())
                .param("from", target.value())
                .param("to", source.value())
                .update();
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        var records = customer.records().stream().map(CustomerId::value).toList();
        int messages =
                jdbc.sql("""
                        update chat.message m set body = :erased, author_name = null
                        from chat.conversation c
                        where m.conversation_id = c.id and c.customer_id in (:ids) and m.author = 'customer'
                        """).param("ids", records).param("erased", ERASED).update();
        int chats = jdbc.sql("""
                        update chat.conversation
                        set name = null, email = null, phone = null, topic = null,
                            visitor_digest = 'erased:' || id::text
                        where customer_id in (:ids)
                        """).param("ids", records).update();
        return Map.of("chatMessages", messages, "chats", chats);
    }
}
