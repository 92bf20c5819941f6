package dev.casekeeper.fields;

import dev.casekeeper.agents.TeamId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A custom field as admins defined it.
 *
 * @param apiKey the field's name in the API and in stored values; fixed once the field exists
 * @param teamId the only team whose cases have the field, or null for every case
 * @param options the choices of a dropdown or multi-select, in the order they are shown
 * @param requiredToSolve whether a case needs a value before it is solved or closed
 */
public record Field(
        FieldId id,
        FieldSubject subject,
        String name,
        String apiKey,
        FieldType type,
        @Nullable String helpText,
        boolean requiredToSolve,
        @Nullable TeamId teamId,
        List<String> options,
        int position) {

    /** Whether the field belongs on a case of this team. */
    public boolean appliesTo(@Nullable TeamId caseTeam) {
        return teamId == null || teamId.equals(caseTeam);
    }
}
