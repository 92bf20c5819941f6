package dev.casekeeper.channels.email.rest;

import dev.casekeeper.channels.email.Mailbox;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A mailbox as the API shows it: passwords only as {@code passwordSet}. */
record MailboxResponse(
        UUID id,
        String address,
        @Nullable String name,
        @Nullable UUID teamId,
        Inbound inbound,
        @Nullable Outbound outbound,
        Mailbox.Acknowledgement acknowledgement,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    record Inbound(
            String mode,
            @Nullable String host,
            @Nullable Integer port,
            @Nullable String security,
            @Nullable String username,
            @Nullable Boolean passwordSet,
            @Nullable String folder,
            @Nullable String processedFolder,
            @Nullable Instant lastPolledAt,
            @Nullable String lastError) {}

    record Outbound(
            String host,
            int port,
            String security,
            @Nullable String username,
            boolean passwordSet) {}

    static MailboxResponse of(Mailbox m) {
        var imap = m.imap();
        var inbound = imap == null
                ? new Inbound(m.inboundMode().value(), null, null, null, null, null, null, null, null, null)
                : new Inbound(
                        m.inboundMode().value(),
                        imap.host(),
                        imap.port(),
                        imap.security().value(),
                        imap.username(),
                        imap.passwordSet(),
                        imap.folder(),
                        imap.processedFolder(),
                        m.lastPolledAt(),
                        m.lastPollError());
        var smtp = m.outbound();
        var outbound = smtp == null
                ? null
                : new Outbound(smtp.host(), smtp.port(), smtp.security().value(), smtp.username(), smtp.passwordSet());
        return new MailboxResponse(
                m.id().value(),
                m.address(),
                m.name(),
                m.teamId() == null ? null : m.teamId().value(),
                inbound,
                outbound,
                m.acknowledgement(),
                m.active(),
                m.createdAt(),
                m.updatedAt());
    }
}
