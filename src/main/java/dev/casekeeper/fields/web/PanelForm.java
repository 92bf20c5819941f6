package dev.casekeeper.fields.web;

import dev.casekeeper.fields.FieldType;
import dev.casekeeper.fields.FieldValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * What a Fields panel's form sent (the case's or the customer's: one form for both), by API key:
 * the values to check, and the text each input held, to show again beside a refusal.
 */
record PanelForm(Map<String, @Nullable Object> given, Map<String, String> typed) {

    /** Each field's input is named by this and its API key, apart from the form's other parameters. */
    static final String PREFIX = "f.";

    /** The inputs of the fields shown ({@code current}); a field the form did not send stays as it is. */
    static PanelForm read(List<FieldValue> current, MultiValueMap<String, String> form) {
        Map<String, @Nullable Object> given = new HashMap<>();
        var typed = new HashMap<String, String>();
        for (var value : current) {
            String key = value.field().apiKey();
            List<String> sent = form.get(PREFIX + key);
            if (sent == null) {
                continue;
            }
            given.put(key, input(value.field().type(), sent));
            typed.put(key, String.join(", ", sent));
        }
        return new PanelForm(given, typed);
    }

    /** What a form sent for one field: a multi-select's options, a checkbox's last word, or the text. */
    private static @Nullable Object input(FieldType type, List<String> sent) {
        return switch (type) {
            case MULTI_SELECT -> sent.stream().filter(s -> !s.isBlank()).toList();
            case CHECKBOX -> sent.contains("true") ? "true" : sent.isEmpty() ? null : sent.getLast();
            default -> sent.isEmpty() ? null : sent.getLast();
        };
    }
}
