package dev.casekeeper.fields;

import dev.casekeeper.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Values given by API key for one case or customer, checked against the fields of its subject: the
 * same rules for both, so a value that a case field refuses a customer field of the same type
 * refuses too.
 */
final class ValueChecks {

    private ValueChecks() {}

    /** One field's change, its values as people read them (null when empty). */
    record Change(
            Field field, @Nullable String before, @Nullable String after) {}

    /** The values to store (null: cleared) and the changes among them. */
    record Checked(Map<String, @Nullable Object> values, List<Change> changes) {}

    /**
     * @param defined the fields the case or customer has
     * @param before the values it holds now
     * @param unknown what is said of a key that names none of {@code defined}
     * @throws InvalidInputException naming every unknown field and every value that does not fit; nothing is kept
     */
    static Checked check(
            List<Field> defined,
            Map<String, @Nullable Object> given,
            Map<String, Object> before,
            FieldTexts texts,
            String unknown) {
        var byKey = new HashMap<String, Field>();
        defined.forEach(f -> byKey.put(f.apiKey(), f));
        var errors = new LinkedHashMap<String, String>();
        Map<String, @Nullable Object> values = new HashMap<>();
        var changes = new ArrayList<Change>();
        given.forEach((key, input) -> {
            var field = byKey.get(key);
            if (field == null) {
                errors.put(key, unknown);
                return;
            }
            try {
                var value = FieldValues.parse(field, input);
                values.put(key, value);
                var was = before.get(key);
                if (!Objects.equals(was, value)) {
                    changes.add(new Change(
                            field,
                            was == null ? null : texts.text(field, was),
                            value == null ? null : texts.text(field, value)));
                }
            } catch (FieldValues.Refused e) {
                errors.put(key, e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(values, changes);
    }

    /**
     * What a subject's stored values must contain to match a filter (values as text, by API key): a
     * multi-select matches one holding that option among others.
     *
     * @param unknown what is said of a key that names none of {@code defined}
     */
    static Map<String, Object> containment(List<Field> defined, Map<String, String> given, String unknown) {
        var byKey = new HashMap<String, Field>();
        defined.forEach(f -> byKey.put(f.apiKey(), f));
        var errors = new LinkedHashMap<String, String>();
        var values = new HashMap<String, Object>();
        given.forEach((key, text) -> {
            var field = byKey.get(key);
            if (field == null) {
                errors.put("field." + key, unknown);
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
