package dev.casekeeper.fields;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CustomFieldRules;
import java.util.HashMap;
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
        return ValueChecks.containment(defined, given, "is not a custom field of cases");
    }
}
