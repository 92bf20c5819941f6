package dev.casekeeper.cases.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseCustomValues;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CustomFieldRules;
import dev.casekeeper.shared.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Custom field values in the case API: {@code customFields} when a case is opened, and
 * {@code field.<apiKey>=value} parameters that filter the list. Their rules come from the module
 * that defines the fields; without one, no field exists.
 */
@Component
class CustomFields {

    static final String FILTER_PREFIX = "field.";

    private final ObjectProvider<CustomFieldRules> rules;
    private final CaseCustomValues values;

    CustomFields(ObjectProvider<CustomFieldRules> rules, CaseCustomValues values) {
        this.rules = rules;
        this.values = values;
    }

    CustomFieldRules.Checked check(@Nullable Map<String, @Nullable Object> given, @Nullable TeamId teamId) {
        if (given == null || given.isEmpty()) {
            return new CustomFieldRules.Checked(Map.of(), List.of());
        }
        try {
            return rules().check(given, teamId);
        } catch (InvalidInputException e) {
            // Named as the request names them: customFields.<apiKey>.
            var named = new java.util.LinkedHashMap<String, String>();
            e.fieldErrors().forEach((key, message) -> named.put("customFields." + key, message));
            throw new InvalidInputException(named);
        }
    }

    void store(CaseId id, CustomFieldRules.Checked checked, SignedInAgent by) {
        if (!checked.values().isEmpty()) {
            values.change(id, new HashMap<>(checked.values()), checked.lines(), by);
        }
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

    private CustomFieldRules rules() {
        var available = rules.getIfAvailable();
        if (available == null) {
            throw new InvalidInputException("customFields", "no custom fields are defined");
        }
        return available;
    }
}
