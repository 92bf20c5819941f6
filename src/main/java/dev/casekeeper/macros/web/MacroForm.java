package dev.casekeeper.macros.web;

import dev.casekeeper.macros.Macro;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A canned response's name and text as typed; a refused one comes back as typed. */
record MacroForm(
        @NotBlank(message = "{macros.form.name.blank}")
        @Size(max = 200, message = "{macros.form.name.tooLong}")
        @Nullable
        String name,

        @NotBlank(message = "{macros.form.body.blank}")
        @Size(max = 20_000, message = "{macros.form.body.tooLong}")
        @Nullable
        String body) {

    static MacroForm empty() {
        return new MacroForm("", "");
    }

    static MacroForm of(Macro macro) {
        return new MacroForm(macro.name(), macro.body());
    }
}
