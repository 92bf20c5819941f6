package dev.casekeeper.fields;

import dev.casekeeper.shared.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change of a customer's custom field, from her history.
 *
 * @param name the field's name now, or its API key when the field was removed since
 * @param before the value as people read it before the change, null when it was empty
 * @param after the value as people read it after the change, null when it was cleared
 */
public record FieldChange(
        String apiKey,
        String name,
        @Nullable String before,
        @Nullable String after,
        Actor by,
        Instant at) {}
