package dev.casekeeper.cases;

import dev.casekeeper.agents.TeamId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the custom fields another module defines, for the case API: which values a new case
 * may carry and what a list filter on a field means. {@code cases} stores the values it is handed
 * ({@link CaseCustomValues}) and knows nothing of their types.
 */
public interface CustomFieldRules {

    /**
     * Values given by API key when a case is opened, as they are stored, with the timeline's lines.
     *
     * @throws dev.casekeeper.shared.InvalidInputException naming every unknown field and every value
     *     not of its field's type
     */
    Checked check(Map<String, @Nullable Object> given, @Nullable TeamId teamId);

    /**
     * A list filter's values (by API key, as text) as the stored values a case must contain.
     *
     * @throws dev.casekeeper.shared.InvalidInputException for an unknown field or a value not of its type
     */
    Map<String, Object> filter(Map<String, String> given);

    /** Values to store and what the timeline says about each. */
    record Checked(Map<String, Object> values, List<TimelineEvent.CustomFieldChanged> lines) {}
}
