package dev.casekeeper.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The case page's assist forms: closing with next steps, and handing a heated contact to a colleague. */
final class AssistForms {

    private AssistForms() {}

    /** What happens next, by when, how the customer can check, and the farewell the closing message ends with. */
    record ClosingForm(
            @NotBlank(message = "{assist.closing.whatHappens.blank}")
            @Size(max = 2000, message = "{form.tooLong}")
            @Nullable
            String whatHappens,

            @NotBlank(message = "{assist.closing.byWhen.blank}") @Size(max = 500, message = "{form.tooLong}") @Nullable
            String byWhen,

            @NotBlank(message = "{assist.closing.howToCheck.blank}")
            @Size(max = 2000, message = "{form.tooLong}")
            @Nullable
            String howToCheck,

            @Size(max = 2000, message = "{form.tooLong}") @Nullable
            String farewell) {

        static ClosingForm startingWith(String farewell) {
            return new ClosingForm("", "", "", farewell);
        }
    }

    /** A heated contact handed to a colleague in one step; the reason and summary are written for the agent. */
    record ColleagueForm(
            @NotNull(message = "{assist.handover.agent.blank}") @Nullable
            UUID agentId,

            @Size(max = 2000, message = "{form.tooLong}") @Nullable
            String note) {}
}
