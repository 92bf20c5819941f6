package dev.casekeeper.channels.email;

import dev.casekeeper.agents.TeamId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A mailbox row as stored, passwords still sealed; only this module ever sees it. */
record MailboxRow(
        UUID id,
        String address,
        @Nullable String name,
        @Nullable UUID teamId,
        InboundMode inboundMode,
        @Nullable String imapHost,
        @Nullable Integer imapPort,
        @Nullable TransportSecurity imapSecurity,
        @Nullable String imapUsername,
        @Nullable String imapPassword,
        @Nullable String imapFolder,
        @Nullable String imapProcessedFolder,
        @Nullable String smtpHost,
        @Nullable Integer smtpPort,
        @Nullable TransportSecurity smtpSecurity,
        @Nullable String smtpUsername,
        @Nullable String smtpPassword,
        boolean ackEnabled,
        @Nullable String ackSubject,
        @Nullable String ackBody,
        boolean active,
        @Nullable Instant lastPolledAt,
        @Nullable String lastPollError,
        Instant createdAt,
        Instant updatedAt) {

    MailboxId mailboxId() {
        return new MailboxId(id);
    }

    /** The name replies are signed with: the mailbox's name, else its address. */
    String displayName() {
        return name == null || name.isBlank() ? address : name;
    }

    String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    /** Associated data binding a sealed password to this mailbox and field. */
    String secretContext(String field) {
        return "mailbox:" + id + ":" + field;
    }

    Mailbox view() {
        var imap = inboundMode == InboundMode.IMAP && imapHost != null
                ? new Mailbox.ImapAccount(
                        imapHost,
                        imapPort,
                        imapSecurity,
                        imapUsername,
                        imapPassword != null,
                        imapFolder == null ? "INBOX" : imapFolder,
                        imapProcessedFolder)
                : null;
        var outbound = smtpHost == null
                ? null
                : new Mailbox.SmtpAccount(smtpHost, smtpPort, smtpSecurity, smtpUsername, smtpPassword != null);
        return new Mailbox(
                mailboxId(),
                address,
                name,
                teamId == null ? null : new TeamId(teamId),
                inboundMode,
                imap,
                outbound,
                new Mailbox.Acknowledgement(ackEnabled, ackSubject, ackBody),
                active,
                lastPolledAt,
                lastPollError,
                createdAt,
                updatedAt);
    }
}
