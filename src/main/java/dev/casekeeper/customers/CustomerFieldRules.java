package dev.casekeeper.customers;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the customer fields another module defines, for the customer API: which values a
 * customer may hold and what a list filter on a field means. {@code customers} stores the values it
 * is handed ({@link CustomerCustomValues}) and knows nothing of their types.
 */
public interface CustomerFieldRules {

    /**
     * Values given by API key (null or blank clears one), as they are stored, with the history's lines.
     *
     * @param before the values the customer holds now, to tell what changes
     * @throws dev.casekeeper.shared.InvalidInputException naming every unknown field and every value
     *     not of its field's type
     */
    Checked check(Map<String, @Nullable Object> given, Map<String, Object> before);

    /**
     * A list filter's values (by API key, as text) as the stored values a customer must contain.
     *
     * @throws dev.casekeeper.shared.InvalidInputException for an unknown field or a value not of its type
     */
    Map<String, Object> filter(Map<String, String> given);

    /** Values to store (null: cleared) and what the history says about each changed one. */
    record Checked(Map<String, @Nullable Object> values, List<Line> lines) {}

    /** One field's change as people read it, for the customer's history. */
    record Line(
            String apiKey,
            @Nullable String before,
            @Nullable String after) {}
}
