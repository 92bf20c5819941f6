package dev.casekeeper.fields;

import dev.casekeeper.agents.TeamId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Defines or changes a custom field; the subject and API key of an existing field do not change. */
public record SaveField(
        FieldSubject subject,
        String name,
        String apiKey,
        FieldType type,
        @Nullable String helpText,
        boolean requiredToSolve,
        @Nullable TeamId teamId,
        List<String> options) {}
