package dev.casekeeper.fields;

import java.util.UUID;

/** A custom field's id. */
public record FieldId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
