package dev.casekeeper.imports;

import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.shared.InvalidInputException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Custom field values from the source mapped onto the case fields here by name (case-insensitive).
 * A field with no namesake here is reported once per run; a value that does not fit its field is
 * reported and left out, and the case is imported without it.
 */
@Component
class FieldMapping {

    private final FieldManagement fields;

    FieldMapping(FieldManagement fields) {
        this.fields = fields;
    }

    Map<String, Object> values(RunContext run, Batch<?> batch, String record, Map<String, @Nullable Object> byName) {
        var stored = new HashMap<String, Object>();
        byName.forEach((name, value) -> {
            if (value == null || value instanceof String s && s.isBlank()) {
                return;
            }
            var field = run.caseFields().get(name.strip().toLowerCase(Locale.ROOT));
            if (field == null) {
                if (run.firstReport("field:" + name)) {
                    batch.skip("field " + name, "no case field here has this name; its values were left out");
                }
                return;
            }
            try {
                fields.importedValue(field, value).ifPresent(v -> stored.put(field.apiKey(), v));
            } catch (InvalidInputException e) {
                batch.skip(record, "field " + field.name() + ": " + e.getMessage() + " (the value was left out)");
            }
        });
        return stored;
    }
}
