package dev.casekeeper.channels.email;

import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.ErasedCustomer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's mail on erasure: the raw messages she sent (by their timeline entry, or by her
 * address as the envelope sender) and their attachments are emptied, her address leaves the case
 * threads, participants and the outbox (a queued message to her is not sent). Merges move nothing
 * here: threads follow their cases.
 */
@Component
class EmailCustomerData implements CustomerDataHolder {

    static final String ERASED = "(erased)";

    private final JdbcClient jdbc;
    private final CaseLookup cases;

    EmailCustomerData(JdbcClient jdbc, CaseLookup cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        List<UUID> entries = cases.messagesFrom(customer.records());
        List<String> emails = customer.emails();
        var inbound = jdbc.sql("""
                        update email.inbound_message set raw = ''::bytea, envelope_from = null, last_error = null
                        where entry_id = any(:entries) or lower(envelope_from) = any(:emails)
                        returning id
                        """)
                .param("entries", entries.toArray(UUID[]::new))
                .param("emails", emails.toArray(String[]::new))
                .query(UUID.class)
                .list();
        int attachments = inbound.isEmpty()
                ? 0
                : jdbc.sql("""
                                update email.attachment set content = null, filename = :erased, omitted_reason = 'erased'
                                where inbound_id in (:ids)
                                """).param("ids", inbound).param("erased", ERASED).update();
        int addresses = 0;
        if (!emails.isEmpty()) {
            addresses += jdbc.sql("delete from email.case_participant where lower(address) = any(:emails)")
                    .param("emails", emails.toArray(String[]::new))
                    .update();
            addresses += jdbc.sql(
                            "update email.case_thread set customer_address = :erased where lower(customer_address) = any(:emails)")
                    .param("emails", emails.toArray(String[]::new))
                    .param("erased", ERASED)
                    .update();
            addresses += jdbc.sql("""
                            update email.outbound_message
                            set recipient = :erased, raw = ''::bytea,
                                state = case when state = 'queued' then 'failed' else state end,
                                last_error = case when state = 'queued' then 'the recipient was erased' else last_error end
                            where lower(recipient) = any(:emails)
                            """)
                    .param("emails", emails.toArray(String[]::new))
                    .param("erased", ERASED)
                    .update();
        }
        return Map.of("rawEmails", inbound.size(), "attachments", attachments, "emailAddresses", addresses);
    }
}
