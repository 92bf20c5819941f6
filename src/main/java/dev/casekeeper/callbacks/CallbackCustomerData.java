package dev.casekeeper.callbacks;

import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.ErasedCustomer;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On erasure, the number, address and notes of the callbacks on the customer's cases are blanked
 * (the tasks stay, with their windows and outcomes, for the team's figures). Callbacks belong to
 * cases, which follow her on a merge, so a merge moves nothing here.
 */
@Component
class CallbackCustomerData implements CustomerDataHolder {

    /** More cases than one person has; erasure is rare and reads them once. */
    private static final int CASES = 100_000;

    private final CaseLookup lookup;
    private final JdbcClient jdbc;

    CallbackCustomerData(CaseLookup lookup, JdbcClient jdbc) {
        this.lookup = lookup;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        var cases = customer.records().stream()
                .flatMap(record -> lookup.ofRequester(record, CASES).stream())
                .map(CaseSummary::id)
                .map(id -> id.value())
                .distinct()
                .toArray(UUID[]::new);
        if (cases.length == 0) {
            return Map.of();
        }
        int blanked = jdbc.sql("""
                        update callbacks.callback set phone = null, email = null, note = null, outcome_note = null
                        where case_id = any(:cases)
                        """).param("cases", cases).update();
        return blanked == 0 ? Map.of() : Map.of("callbacks", blanked);
    }
}
