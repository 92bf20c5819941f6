package dev.casekeeper.fields;

import org.jspecify.annotations.Nullable;

/**
 * A field with its value on one case or customer.
 *
 * @param stored the value as stored (a string, a number, a boolean, a list of strings), null when empty
 * @param text the value as people read it, null when empty
 * @param outdated whether the value no longer fits the field (its type changed, or its option was
 *     removed): still shown, as it was, until someone changes it
 */
public record FieldValue(
        Field field, @Nullable Object stored, @Nullable String text, boolean outdated) {

    public boolean empty() {
        return stored == null;
    }
}
