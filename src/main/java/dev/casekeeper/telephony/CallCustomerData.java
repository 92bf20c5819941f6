package dev.casekeeper.telephony;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.ErasedCustomer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On erasure, what the phone channel kept of the caller: her number, the recording and the wrap-up
 * notes on her calls, and the phone system's raw events about them (which carry the same number and
 * recording). The calls stay, with their times, durations and outcomes, for the team's figures.
 * Calls belong to cases, which follow her on a merge, so a merge moves nothing here.
 */
@Component
class CallCustomerData implements CustomerDataHolder {

    static final String ERASED = "(erased)";

    private final CaseLookup lookup;
    private final JdbcClient jdbc;

    CallCustomerData(CaseLookup lookup, JdbcClient jdbc) {
        this.lookup = lookup;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        var cases = lookup.idsOfRequesters(customer.records()).stream()
                .map(CaseId::value)
                .toArray(UUID[]::new);
        // The raw events first: they are found through the calls, whose number is blanked next.
        int events = jdbc.sql("""
                        update telephony.event e set payload = jsonb_build_object('erased', true)
                        from telephony.call c
                        where e.integration_id = c.integration_id and e.call_id = c.external_id
                          and c.case_id = any(:cases)
                        """).param("cases", cases).update();
        int calls = jdbc.sql("""
                        update telephony.call
                        set from_number = :erased, recording_url = null,
                            wrap_up_notes = case when wrap_up_notes is null then null else :erased end
                        where case_id = any(:cases)
                        """).param("cases", cases).param("erased", ERASED).update();
        var erased = new HashMap<String, Integer>();
        if (calls > 0) {
            erased.put("calls", calls);
        }
        if (events > 0) {
            erased.put("callEvents", events);
        }
        return erased;
    }
}
