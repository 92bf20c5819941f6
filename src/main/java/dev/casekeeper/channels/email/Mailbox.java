package dev.casekeeper.channels.email;

import dev.casekeeper.agents.TeamId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox as admins see it: never with its passwords, only whether one is stored.
 *
 * @param imap how mail is fetched, when {@code inboundMode} is IMAP
 * @param outbound how replies leave; without it replies from this mailbox fail with that reason
 */
public record Mailbox(
        MailboxId id,
        String address,
        @Nullable String name,
        @Nullable TeamId teamId,
        InboundMode inboundMode,
        @Nullable ImapAccount imap,
        @Nullable SmtpAccount outbound,
        Acknowledgement acknowledgement,
        boolean active,
        @Nullable Instant lastPolledAt,
        @Nullable String lastPollError,
        Instant createdAt,
        Instant updatedAt) {

    /** An IMAP account; {@code processedFolder}, when set, is where fetched messages are moved. */
    public record ImapAccount(
            String host,
            int port,
            TransportSecurity security,
            String username,
            boolean passwordSet,
            String folder,
            @Nullable String processedFolder) {}

    /** An SMTP server replies are submitted to. */
    public record SmtpAccount(
            String host,
            int port,
            TransportSecurity security,
            @Nullable String username,
            boolean passwordSet) {}

    /**
     * The acknowledgement a new case's customer gets; blank subject or body take the defaults. Both
     * may use {@code {{caseNumber}}}, {{@code {subject}}}, {@code {{customerName}}} and {@code {{mailboxName}}}.
     */
    public record Acknowledgement(
            boolean enabled,
            @Nullable String subject,
            @Nullable String body) {

        public static final Acknowledgement OFF = new Acknowledgement(false, null, null);
    }
}
