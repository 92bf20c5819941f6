package dev.casekeeper.fields;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Arrays;

/** What a custom field holds. */
public enum FieldType {
    TEXT("text"),
    LONG_TEXT("long_text"),
    NUMBER("number"),
    DECIMAL("decimal"),
    DATE("date"),
    DROPDOWN("dropdown"),
    MULTI_SELECT("multi_select"),
    CHECKBOX("checkbox");

    private final String value;

    FieldType(String value) {
        this.value = value;
    }

    /** The name in the API and the database. */
    public String value() {
        return value;
    }

    /** Whether values are picked from the field's options. */
    public boolean hasOptions() {
        return this == DROPDOWN || this == MULTI_SELECT;
    }

    public static FieldType from(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "type",
                        "must be one of text, long_text, number, decimal, date, dropdown, multi_select, checkbox"));
    }
}
