package dev.casekeeper.channels.email.web;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.channels.email.InboundMode;
import dev.casekeeper.channels.email.Mailbox;
import dev.casekeeper.channels.email.SaveMailbox;
import dev.casekeeper.channels.email.TransportSecurity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * A mailbox's settings as the admin page edits them. Passwords are write-only: the form never
 * carries the stored ones, and an empty password field keeps what is stored. The outbound server
 * is optional: without a host, replies from the mailbox fail with that reason. The checkboxes are
 * {@code Boolean}: a browser leaves an unticked one out, and that means false. Ports and the team are
 * text, checked by pattern: a value that does not convert would leave no form to show again.
 */
record MailboxForm(
        @NotBlank(message = "{email.admin.form.address.blank}")
        @Size(max = 320, message = "{admin.form.tooLong}")
        @Nullable
        String address,

        @Size(max = 200, message = "{admin.form.tooLong}") @Nullable
        String name,

        @Pattern(regexp = TEAM, message = "{email.admin.form.team.invalid}") @Nullable
        String teamId,

        @Pattern(regexp = "smtp|imap", message = "{email.admin.form.inboundMode.invalid}") @Nullable
        String inboundMode,

        @Size(max = 255, message = "{admin.form.tooLong}") @Nullable
        String imapHost,

        @Pattern(regexp = PORT, message = "{email.admin.form.port.invalid}") @Nullable
        String imapPort,

        @Pattern(regexp = "tls|starttls|none", message = "{email.admin.form.security.invalid}") @Nullable
        String imapSecurity,

        @Size(max = 320, message = "{admin.form.tooLong}") @Nullable
        String imapUsername,

        @Size(max = 1000, message = "{admin.form.tooLong}") @Nullable
        String imapPassword,

        @Size(max = 200, message = "{admin.form.tooLong}") @Nullable
        String imapFolder,

        @Size(max = 200, message = "{admin.form.tooLong}") @Nullable
        String imapProcessedFolder,

        @Size(max = 255, message = "{admin.form.tooLong}") @Nullable
        String smtpHost,

        @Pattern(regexp = PORT, message = "{email.admin.form.port.invalid}") @Nullable
        String smtpPort,

        @Pattern(regexp = "tls|starttls|none", message = "{email.admin.form.security.invalid}") @Nullable
        String smtpSecurity,

        @Size(max = 320, message = "{admin.form.tooLong}") @Nullable
        String smtpUsername,

        @Size(max = 1000, message = "{admin.form.tooLong}") @Nullable
        String smtpPassword,

        @Nullable Boolean ackEnabled,

        @Size(max = 200, message = "{admin.form.tooLong}") @Nullable
        String ackSubject,

        @Size(max = 10_000, message = "{admin.form.tooLong}") @Nullable
        String ackBody,

        @Nullable Boolean active) {

    static final String PORT = "\\s*\\d{0,5}\\s*";
    static final String TEAM = "\\s*|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** The form of a new mailbox: mail delivered to the SMTP listener, replies through STARTTLS. */
    static MailboxForm empty() {
        return new MailboxForm(
                "",
                "",
                "",
                "smtp",
                "",
                "",
                "tls",
                "",
                null,
                "INBOX",
                "",
                "",
                "",
                "starttls",
                "",
                null,
                false,
                "",
                "",
                true);
    }

    /** A mailbox's settings as they are stored, without its passwords. */
    static MailboxForm of(Mailbox mailbox) {
        var imap = mailbox.imap();
        var smtp = mailbox.outbound();
        var ack = mailbox.acknowledgement();
        return new MailboxForm(
                mailbox.address(),
                mailbox.name(),
                mailbox.teamId() == null ? "" : mailbox.teamId().value().toString(),
                mailbox.inboundMode().value(),
                imap == null ? "" : imap.host(),
                imap == null ? "" : Integer.toString(imap.port()),
                imap == null ? "tls" : imap.security().value(),
                imap == null ? "" : imap.username(),
                null,
                imap == null ? "INBOX" : imap.folder(),
                imap == null ? "" : imap.processedFolder(),
                smtp == null ? "" : smtp.host(),
                smtp == null ? "" : Integer.toString(smtp.port()),
                smtp == null ? "starttls" : smtp.security().value(),
                smtp == null ? "" : smtp.username(),
                null,
                ack.enabled(),
                ack.subject(),
                ack.body(),
                mailbox.active());
    }

    public boolean imap() {
        return "imap".equals(inboundMode);
    }

    /**
     * Checks what depends on the choice of inbound mode, which no annotation can say: an IMAP
     * mailbox needs its server and account. The password is checked by the facade, which knows
     * whether one is stored.
     */
    void checkInbound(Errors errors) {
        if (imap()) {
            if (isBlank(imapHost)) {
                errors.rejectValue("imapHost", "email.admin.form.imapHost.blank");
            }
            if (isBlank(imapUsername)) {
                errors.rejectValue("imapUsername", "email.admin.form.imapUsername.blank");
            }
        }
    }

    SaveMailbox command() {
        var mode = InboundMode.from(inboundMode == null ? "smtp" : inboundMode);
        SaveMailbox.ImapServer imap = mode == InboundMode.IMAP
                ? new SaveMailbox.ImapServer(
                        text(imapHost),
                        port(imapPort),
                        security(imapSecurity, TransportSecurity.TLS),
                        text(imapUsername),
                        blankToNull(imapPassword),
                        blankToNull(imapFolder),
                        blankToNull(imapProcessedFolder))
                : null;
        SaveMailbox.SmtpServer outbound = isBlank(smtpHost)
                ? null
                : new SaveMailbox.SmtpServer(
                        text(smtpHost),
                        port(smtpPort),
                        security(smtpSecurity, TransportSecurity.STARTTLS),
                        blankToNull(smtpUsername),
                        blankToNull(smtpPassword));
        return new SaveMailbox(
                text(address),
                blankToNull(name),
                isBlank(teamId) ? null : new TeamId(UUID.fromString(teamId.strip())),
                mode,
                imap,
                outbound,
                new Mailbox.Acknowledgement(
                        Boolean.TRUE.equals(ackEnabled), blankToNull(ackSubject), blankToNull(ackBody)),
                Boolean.TRUE.equals(active));
    }

    /** Blank for the usual port of the security; the pattern let only digits through, the facade checks the range. */
    private static @Nullable Integer port(@Nullable String value) {
        return isBlank(value) ? null : Integer.valueOf(value.strip());
    }

    private static TransportSecurity security(@Nullable String value, TransportSecurity otherwise) {
        return isBlank(value) ? otherwise : TransportSecurity.from(value);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return isBlank(value) ? null : value;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
