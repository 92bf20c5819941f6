package dev.casekeeper.workspace;

import dev.casekeeper.channels.EmailAddressing;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The forms of the case page. Invalid ones come back with the errors beside the fields, as typed. */
final class CaseForms {

    private CaseForms() {}

    /**
     * A reply to the customer. {@code seen}: how many timeline entries the agent had in front of
     * them; a message that landed since is shown before the reply goes, unless sent anyway.
     * {@code via}: {@code email} sends it by email to the address the customer gave in a chat they left.
     */
    record ReplyForm(
            @NotBlank(message = "{form.reply.blank}") @Size(max = 200_000, message = "{form.tooLong}") @Nullable
            String body,

            @Nullable Integer seen,
            @Nullable Boolean sendAnyway,
            @Nullable String via,

            @Size(max = 20_000, message = "{form.tooLong}") @Nullable
            String to,

            @Size(max = 20_000, message = "{form.tooLong}") @Nullable
            String cc,

            @Size(max = 20_000, message = "{form.tooLong}") @Nullable
            String bcc,

            @Nullable UUID mailboxId) {

        /** A fresh reply; on an email case addressed as the case is (the customer, the people copied, its mailbox). */
        static ReplyForm empty(int seen, @Nullable EmailAddressing mail) {
            return mail == null
                    ? new ReplyForm("", seen, false, null, null, null, null, null)
                    : new ReplyForm(
                            "",
                            seen,
                            false,
                            null,
                            mail.to() == null ? "" : mail.to(),
                            mail.cc(),
                            "",
                            mail.defaultMailboxId());
        }

        /** The agent addressed it (the email composer's To was on the page). */
        boolean addressed() {
            return to != null;
        }
    }

    /** A forward of one message ({@code entryId}) or, when blank, the whole case to a third party. */
    record ForwardForm(
            @NotBlank(message = "{forward.to.blank}") @Size(max = 20_000, message = "{form.tooLong}") @Nullable
            String to,

            @Nullable UUID entryId,
            @Nullable UUID mailboxId,

            @Size(max = 200_000, message = "{form.tooLong}") @Nullable
            String body) {

        static ForwardForm empty(@Nullable EmailAddressing mail) {
            return new ForwardForm("", null, mail == null ? null : mail.defaultMailboxId(), "");
        }
    }

    record NoteForm(
            @NotBlank(message = "{form.note.blank}") @Size(max = 200_000, message = "{form.tooLong}") @Nullable
            String body) {

        static NoteForm empty() {
            return new NoteForm("");
        }
    }

    /** Status, priority and tags (comma-separated); each as the case has it unless changed. */
    record ChangeCaseForm(
            @Nullable String status,
            @Nullable String priority,

            @Size(max = 2000, message = "{form.tooLong}") @Nullable
            String tags) {}

    record AssignForm(
            @NotNull(message = "{form.assign.agent}") @Nullable
            UUID agentId) {}

    /** {@code target} is {@code agent:<id>} or {@code team:<id>}. */
    record TransferForm(
            @NotBlank(message = "{form.transfer.target}") @Nullable
            String target,

            @NotBlank(message = "{form.transfer.reason}") @Size(max = 2000, message = "{form.tooLong}") @Nullable
            String reason,

            @NotBlank(message = "{form.transfer.summary}") @Size(max = 20_000, message = "{form.tooLong}") @Nullable
            String summary) {}

    /** The customer's display name and the fields they may declare, keyed by field. */
    record ProfileForm(
            @Size(max = 200, message = "{form.tooLong}") @Nullable
            String displayName,

            @Nullable Map<String, String> fields) {}
}
