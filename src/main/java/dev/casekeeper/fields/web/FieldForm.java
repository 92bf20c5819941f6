package dev.casekeeper.fields.web;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.fields.Field;
import dev.casekeeper.fields.FieldSubject;
import dev.casekeeper.fields.FieldType;
import dev.casekeeper.fields.SaveField;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The admin's form for a custom field; options one per line, in their order. */
record FieldForm(
        @Nullable String name,
        @Nullable String apiKey,
        @Nullable String type,
        @Nullable String subject,
        @Nullable String helpText,
        boolean requiredToSolve,
        @Nullable UUID teamId,
        @Nullable String options) {

    static FieldForm empty() {
        return new FieldForm("", "", "text", "case", "", false, null, "");
    }

    static FieldForm of(Field f) {
        return new FieldForm(
                f.name(),
                f.apiKey(),
                f.type().value(),
                f.subject().value(),
                f.helpText(),
                f.requiredToSolve(),
                f.teamId() == null ? null : f.teamId().value(),
                String.join("\n", f.options()));
    }

    SaveField command() {
        return new SaveField(
                FieldSubject.from(subject == null ? "case" : subject),
                name == null ? "" : name,
                apiKey == null ? "" : apiKey,
                FieldType.from(type == null ? "" : type),
                helpText,
                requiredToSolve,
                teamId == null ? null : new TeamId(teamId),
                options == null ? java.util.List.of() : Arrays.asList(options.split("\\R")));
    }
}
