package dev.casekeeper.macros.web;

import dev.casekeeper.macros.Macro;
import dev.casekeeper.macros.MacroActions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A canned response's name, text and changes to the case as typed (tags separated by commas, an
 * empty choice for "leave as it is"); a refused one comes back as typed.
 */
record MacroForm(
        @NotBlank(message = "{macros.form.name.blank}")
        @Size(max = 200, message = "{macros.form.name.tooLong}")
        @Nullable
        String name,

        @NotBlank(message = "{macros.form.body.blank}")
        @Size(max = 20_000, message = "{macros.form.body.tooLong}")
        @Nullable
        String body,

        @Nullable String actionStatus,
        @Nullable String actionPriority,
        @Size(max = 2000) @Nullable String addTags,
        @Size(max = 2000) @Nullable String removeTags,
        @Nullable String owner) {

    /** Where the refusal of an action's field is shown on the form. */
    static final Map<String, String> FIELDS = Map.of(
            "actions.status", "actionStatus",
            "actions.priority", "actionPriority",
            "actions.addTags", "addTags",
            "actions.removeTags", "removeTags",
            "actions.owner", "owner");

    static MacroForm empty() {
        return new MacroForm("", "", "", "", "", "", "");
    }

    static MacroForm of(Macro macro) {
        var a = macro.actions();
        return new MacroForm(
                macro.name(),
                macro.body(),
                a.status() == null ? "" : a.status(),
                a.priority() == null ? "" : a.priority(),
                String.join(", ", a.addTags()),
                String.join(", ", a.removeTags()),
                a.owner() == null ? "" : a.owner());
    }

    MacroActions actions() {
        return new MacroActions(
                blankAsNull(actionStatus),
                blankAsNull(actionPriority),
                tags(addTags),
                tags(removeTags),
                blankAsNull(owner));
    }

    private static @Nullable String blankAsNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> tags(@Nullable String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
    }
}
