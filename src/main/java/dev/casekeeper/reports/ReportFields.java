package dev.casekeeper.reports;

import dev.casekeeper.fields.Field;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldSubject;
import dev.casekeeper.fields.FieldType;
import dev.casekeeper.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case custom fields a report filters by or breaks down by, checked against the fields admins
 * defined (the {@code fields} module's rules, the same as the case list's filter).
 */
@Component
class ReportFields {

    static final String UNKNOWN = "is not a custom field of cases";

    private final FieldManagement fields;
    private final JsonMapper json;

    ReportFields(FieldManagement fields, JsonMapper json) {
        this.fields = fields;
        this.json = json;
    }

    /** What a request's custom fields came to: the filter and the field to break down by, each null for none. */
    record Checked(
            ReportQuery.@Nullable FieldFilter filter,
            @Nullable String byField) {}

    /**
     * Checks a filter ({@code key} and {@code value}) and a breakdown ({@code byKey}), putting what is
     * wrong in {@code errors} under the request's parameter names.
     */
    Checked check(@Nullable String key, @Nullable String value, @Nullable String byKey, Map<String, String> errors) {
        boolean hasKey = key != null && !key.isBlank();
        boolean hasValue = value != null && !value.isBlank();
        ReportQuery.FieldFilter filter = null;
        if (hasKey) {
            var field = find(key.strip());
            if (field == null) {
                errors.put("field", UNKNOWN);
            } else if (!hasValue) {
                errors.put("fieldValue", "is required with field: the value the cases hold");
            } else {
                try {
                    var contained = fields.caseFilter(Map.of(field.apiKey(), value.strip()));
                    filter = new ReportQuery.FieldFilter(
                            field.apiKey(), value.strip(), json.writeValueAsString(contained));
                } catch (InvalidInputException e) {
                    errors.put(
                            "fieldValue",
                            e.fieldErrors().values().stream().findFirst().orElse(e.getMessage()));
                }
            }
        } else if (hasValue) {
            errors.put("field", "is required with fieldValue: the API key of a case custom field");
        }
        String by = null;
        if (byKey != null && !byKey.isBlank()) {
            var field = find(byKey.strip());
            if (field == null) {
                errors.put("byField", UNKNOWN);
            } else if (!groupable(field)) {
                errors.put(
                        "byField",
                        "must be a dropdown or checkbox field; " + field.apiKey() + " is "
                                + field.type().value());
            } else {
                by = field.apiKey();
            }
        }
        return new Checked(filter, by);
    }

    /** The custom fields of cases, in their order: a report filters by any of them. */
    List<Field> caseFields() {
        return fields.list(FieldSubject.CASE);
    }

    /** The fields a report can be broken down by: one value per case, from a short list. */
    List<Field> groupable() {
        return caseFields().stream().filter(ReportFields::groupable).toList();
    }

    @Nullable
    Field find(String key) {
        return caseFields().stream()
                .filter(f -> f.apiKey().equals(key))
                .findFirst()
                .orElse(null);
    }

    /**
     * The field's values in the order a breakdown shows them: a dropdown's options (then values its
     * cases still hold from options since removed), a checkbox's true and false, and last null, the
     * cases without a value.
     */
    static List<@Nullable String> order(Field field, java.util.Set<@Nullable String> found) {
        var values = new ArrayList<@Nullable String>(
                field.type() == FieldType.CHECKBOX ? List.of("true", "false") : field.options());
        found.stream().filter(v -> v != null && !values.contains(v)).sorted().forEach(values::add);
        values.add(null);
        return values;
    }

    private static boolean groupable(Field field) {
        return field.type() == FieldType.DROPDOWN || field.type() == FieldType.CHECKBOX;
    }
}
