package dev.casekeeper.fields;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CustomFieldRules;
import dev.casekeeper.shared.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The case API's custom fields: values of a new case, and list filters, checked by type. */
@Component
class CaseFieldRules implements CustomFieldRules {

    private final FieldManagement fields;

    CaseFieldRules(FieldManagement fields) {
        this.fields = fields;
    }

    @Override
    public Checked check(Map<String, @Nullable Object> given, @Nullable TeamId teamId) {
        var checked = fields.check(given, teamId, Map.of());
        var values = new HashMap<String, Object>();
        checked.values().forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        return new Checked(values, checked.lines());
    }

    @Override
    public Map<String, Object> filter(Map<String, String> given) {
        return containment(fields.list(FieldSubject.CASE), given);
    }

    /**
     * What a case's stored values must contain to match: a multi-select matches a case holding that
     * option among others.
     */
    static Map<String, Object> containment(List<Field> defined, Map<String, String> given) {
        var byKey = new HashMap<String, Field>();
        defined.forEach(f -> byKey.put(f.apiKey(), f));
        var errors = new LinkedHashMap<String, String>();
        var values = new HashMap<String, Object>();
        given.forEach((key, text) -> {
            var field = byKey.get(key);
            if (field == null) {
                errors.put("field." + key, "is not a custom field of cases");
                return;
            }
            try {
                var value = FieldValues.parse(field, text);
                if (value != null) {
                    values.put(key, value);
                }
            } catch (FieldValues.Refused e) {
                errors.put("field." + key, e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return values;
    }
}
