package dev.casekeeper.counter;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.ErasedCustomer;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On erasure, the first name, address and number a walk-in gave at the kiosk are blanked on her
 * tickets; the tickets stay (numbers, times, desks) for the line and the team's figures. Tickets
 * belong to cases, which follow her on a merge, so a merge moves nothing here.
 */
@Component
class TicketCustomerData implements CustomerDataHolder {

    static final String ERASED = "(erased)";

    private final CaseLookup lookup;
    private final JdbcClient jdbc;

    TicketCustomerData(CaseLookup lookup, JdbcClient jdbc) {
        this.lookup = lookup;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        int tickets = jdbc.sql("""
                        update counter.ticket set first_name = :erased, email = null, phone = null
                        where case_id = any(:cases)
                        """)
                .param(
                        "cases",
                        lookup.idsOfRequesters(customer.records()).stream()
                                .map(CaseId::value)
                                .toArray(UUID[]::new))
                .param("erased", ERASED)
                .update();
        return tickets == 0 ? Map.of() : Map.of("counterTickets", tickets);
    }
}
