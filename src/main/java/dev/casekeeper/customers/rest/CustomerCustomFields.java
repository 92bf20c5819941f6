package dev.casekeeper.customers.rest;

import dev.casekeeper.customers.CustomerCustomValues;
import dev.casekeeper.customers.CustomerFieldRules;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Custom field values in the customer API: {@code customFields} when a customer is added or changed,
 * and {@code field.<apiKey>=value} parameters that filter the list. Their rules come from the module
 * that defines the fields; without one, no field exists.
 */
@Component
class CustomerCustomFields {

    static final String FILTER_PREFIX = "field.";

    private final ObjectProvider<CustomerFieldRules> rules;
    private final CustomerCustomValues values;

    CustomerCustomFields(ObjectProvider<CustomerFieldRules> rules, CustomerCustomValues values) {
        this.rules = rules;
        this.values = values;
    }

    /** The values checked against what the customer holds ({@code before}), before anything is written. */
    CustomerFieldRules.Checked check(@Nullable Map<String, @Nullable Object> given, Map<String, Object> before) {
        if (given == null || given.isEmpty()) {
            return new CustomerFieldRules.Checked(Map.of(), List.of());
        }
        try {
            return rules().check(given, before);
        } catch (InvalidInputException e) {
            // Named as the request names them: customFields.<apiKey>.
            var named = new LinkedHashMap<String, String>();
            e.fieldErrors().forEach((key, message) -> named.put("customFields." + key, message));
            throw new InvalidInputException(named);
        }
    }

    Map<String, Object> before(CustomerId id) {
        return values.of(id);
    }

    void store(CustomerId id, CustomerFieldRules.Checked checked, Actor by) {
        if (!checked.values().isEmpty()) {
            values.change(id, checked, by);
        }
    }

    Map<CustomerId, Map<String, Object>> of(List<CustomerId> ids) {
        return values.of(ids);
    }

    Map<String, Object> filter(Map<String, String> parameters) {
        var given = new HashMap<String, String>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(FILTER_PREFIX)) {
                given.put(name.substring(FILTER_PREFIX.length()), value);
            }
        });
        return given.isEmpty() ? Map.of() : rules().filter(given);
    }

    private CustomerFieldRules rules() {
        var available = rules.getIfAvailable();
        if (available == null) {
            throw new InvalidInputException("customFields", "no custom fields are defined");
        }
        return available;
    }
}
