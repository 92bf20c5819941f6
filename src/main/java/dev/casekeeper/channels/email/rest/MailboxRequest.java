package dev.casekeeper.channels.email.rest;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.channels.email.InboundMode;
import dev.casekeeper.channels.email.Mailbox;
import dev.casekeeper.channels.email.SaveMailbox;
import dev.casekeeper.channels.email.TransportSecurity;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A mailbox's whole configuration as JSON; passwords are write-only and left out to keep the stored ones. */
record MailboxRequest(
        @NotBlank @Size(max = 320) String address,
        @Size(max = 200) @Nullable String name,
        @Nullable UUID teamId,
        @NotNull @Valid MailboxInboundRequest inbound,
        @Valid @Nullable MailboxOutboundRequest outbound,
        @Valid @Nullable MailboxAcknowledgementRequest acknowledgement,
        @Nullable Boolean active) {

    record MailboxInboundRequest(
            @NotBlank String mode,
            @Size(max = 255) @Nullable String host,
            @Nullable Integer port,
            @Nullable String security,
            @Size(max = 320) @Nullable String username,
            @Size(max = 1000) @Nullable String password,
            @Size(max = 200) @Nullable String folder,
            @Size(max = 200) @Nullable String processedFolder) {}

    record MailboxOutboundRequest(
            @NotBlank @Size(max = 255) String host,
            @Nullable Integer port,
            @Nullable String security,
            @Size(max = 320) @Nullable String username,
            @Size(max = 1000) @Nullable String password) {}

    record MailboxAcknowledgementRequest(
            boolean enabled,
            @Size(max = 200) @Nullable String subject,
            @Size(max = 10_000) @Nullable String body) {}

    SaveMailbox command() {
        var mode = parse("inbound.mode", inbound.mode(), InboundMode::from, "smtp or imap");
        SaveMailbox.ImapServer imap = null;
        if (mode == InboundMode.IMAP) {
            imap = new SaveMailbox.ImapServer(
                    inbound.host() == null ? "" : inbound.host(),
                    inbound.port(),
                    security("inbound.security", inbound.security(), TransportSecurity.TLS),
                    inbound.username() == null ? "" : inbound.username(),
                    inbound.password(),
                    inbound.folder(),
                    inbound.processedFolder());
        }
        var smtp = outbound == null
                ? null
                : new SaveMailbox.SmtpServer(
                        outbound.host(),
                        outbound.port(),
                        security("outbound.security", outbound.security(), TransportSecurity.STARTTLS),
                        outbound.username(),
                        outbound.password());
        var ack = acknowledgement == null
                ? Mailbox.Acknowledgement.OFF
                : new Mailbox.Acknowledgement(
                        acknowledgement.enabled(), acknowledgement.subject(), acknowledgement.body());
        return new SaveMailbox(
                address,
                name,
                teamId == null ? null : new TeamId(teamId),
                mode,
                imap,
                smtp,
                ack,
                active == null || active);
    }

    private static TransportSecurity security(String field, @Nullable String value, TransportSecurity otherwise) {
        return value == null ? otherwise : parse(field, value, TransportSecurity::from, "tls, starttls or none");
    }

    private static <T> T parse(String field, String value, Function<String, T> parser, String allowed) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be " + allowed);
        }
    }
}
