package dev.casekeeper.routing;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.ErasedCustomer;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On erasure, the address and number routing kept to call the customer back (on her contacts and
 * their callback tasks) are blanked; the contacts stay, with their waits, for the team's figures.
 * Contacts belong to cases, which follow her on a merge, so a merge moves nothing here.
 */
@Component
class ContactCustomerData implements CustomerDataHolder {

    private final CaseLookup lookup;
    private final JdbcClient jdbc;

    ContactCustomerData(CaseLookup lookup, JdbcClient jdbc) {
        this.lookup = lookup;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        var cases = lookup.idsOfRequesters(customer.records()).stream()
                .map(CaseId::value)
                .toArray(UUID[]::new);
        if (cases.length == 0) {
            return Map.of();
        }
        int contacts = jdbc.sql("""
                        update routing.contact set callback_email = null, callback_phone = null
                        where case_id = any(:cases) and (callback_email is not null or callback_phone is not null)
                        """).param("cases", cases).update();
        jdbc.sql("""
                        update routing.callback set email = null, phone = null
                        where case_id = any(:cases) and (email is not null or phone is not null)
                        """).param("cases", cases).update();
        return contacts == 0 ? Map.of() : Map.of("routingContacts", contacts);
    }
}
