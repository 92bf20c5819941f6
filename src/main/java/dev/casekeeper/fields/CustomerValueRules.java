package dev.casekeeper.fields;

import dev.casekeeper.customers.CustomerFieldRules;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The customer API's custom fields: values of a customer, and list filters, checked by type. */
@Component
class CustomerValueRules implements CustomerFieldRules {

    private final CustomerFieldManagement fields;

    CustomerValueRules(CustomerFieldManagement fields) {
        this.fields = fields;
    }

    @Override
    public Checked check(Map<String, @Nullable Object> given, Map<String, Object> before) {
        return fields.check(given, before);
    }

    @Override
    public Map<String, Object> filter(Map<String, String> given) {
        return fields.filter(given);
    }
}
