package dev.casekeeper.channels.email;

import dev.casekeeper.agents.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox's whole configuration, to create one or to replace one's settings. A password left out
 * (null) keeps the one stored; ports left out take the usual port of the chosen security.
 */
public record SaveMailbox(
        String address,
        @Nullable String name,
        @Nullable TeamId teamId,
        InboundMode inboundMode,
        @Nullable ImapServer imap,
        @Nullable SmtpServer outbound,
        Mailbox.Acknowledgement acknowledgement,
        boolean active) {

    public record ImapServer(
            String host,
            @Nullable Integer port,
            TransportSecurity security,
            String username,
            @Nullable String password,
            @Nullable String folder,
            @Nullable String processedFolder) {}

    public record SmtpServer(
            String host,
            @Nullable Integer port,
            TransportSecurity security,
            @Nullable String username,
            @Nullable String password) {}
}
