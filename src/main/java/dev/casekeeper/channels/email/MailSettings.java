package dev.casekeeper.channels.email;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the email channel, {@code casekeeper.mail.*}. See docs/configuration.md.
 *
 * @param secretKey base64 of 32 random bytes; encrypts mailbox passwords. Without it no password is stored.
 */
@ConfigurationProperties("casekeeper.mail")
public record MailSettings(
        @Nullable String secretKey,
        @DefaultValue Smtp smtp,
        @DefaultValue Parsing parsing,
        @DefaultValue Attachments attachments,
        @DefaultValue Imap imap,
        @DefaultValue Outbound outbound,
        @DefaultValue Acknowledgements acknowledgements,
        @DefaultValue Recipients recipients) {

    /** The inbound SMTP listener; {@code port} 0 takes any free port. */
    public record Smtp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2525") int port,
            @Nullable String bindAddress,
            @Nullable String hostname,
            @DefaultValue("25MB") DataSize maxMessageSize,
            @DefaultValue("100") int maxRecipients,
            @DefaultValue("100") int maxConnections,
            @DefaultValue("60s") Duration connectionTimeout) {}

    /** The background workers that turn stored raw messages into case entries. */
    public record Parsing(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2") int workers,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("8") int batchSize) {}

    /** Attachments larger than {@code maxSize}, or past the first {@code maxCount}, are listed but not kept. */
    public record Attachments(
            @DefaultValue("25MB") DataSize maxSize,
            @DefaultValue("100") int maxCount) {}

    /** Polling of IMAP mailboxes. */
    public record Imap(
            @DefaultValue("60s") Duration pollInterval,
            @DefaultValue("200") int maxMessagesPerPoll,
            @DefaultValue("30s") Duration timeout) {}

    /** The outbox: how often and how patiently a message is retried. */
    public record Outbound(
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30s") Duration retryDelay,
            @DefaultValue("30s") Duration timeout) {}

    /**
     * How many people one message can involve: at most {@code maxPerMessage} of the addresses a message
     * copies join its case, and a reply goes to at most {@code maxPerReply} recipients (the customer
     * and the first people copied). The case says who was left out.
     */
    public record Recipients(
            @DefaultValue("50") int maxPerMessage,
            @DefaultValue("50") int maxPerReply) {}

    /** Automatic acknowledgements of new cases; at most this many per sender and hour, against mail loops. */
    public record Acknowledgements(@DefaultValue("3") int maxPerSenderPerHour) {}
}
