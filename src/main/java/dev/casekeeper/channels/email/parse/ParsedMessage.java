package dev.casekeeper.channels.email.parse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message as a case shows it.
 *
 * @param text the new text, quoted history folded away (never null; may be empty, then a warning says so)
 * @param quotedText the folded history, kept
 * @param html the new part of the HTML body, not yet sanitized, {@code cid:} images pointing at their attachments
 * @param reportedMessageIds Message-IDs of originals a delivery report or bounce returns (for threading)
 * @param partTypes the content types of every part, at any depth (reports hide in attachments)
 * @param warnings what could not be read as it should, in words for the agent
 */
public record ParsedMessage(
        @Nullable String messageId,
        @Nullable String inReplyTo,
        List<String> references,
        String subject,
        @Nullable Mailbox from,
        @Nullable Mailbox sender,
        List<Mailbox> replyTo,
        List<Mailbox> to,
        List<Mailbox> cc,
        @Nullable Instant date,
        String text,
        @Nullable String quotedText,
        @Nullable String html,
        List<Attachment> attachments,
        List<Forwarded> forwarded,
        List<String> reportedMessageIds,
        Headers headers,
        java.util.Set<String> partTypes,
        List<String> warnings) {

    /** An address with its display name. */
    public record Mailbox(String address, @Nullable String name) {}

    /**
     * An attachment or inline image; {@code content} is null when it was over the limits ({@code omitted} says why).
     */
    public record Attachment(
            UUID id,
            String filename,
            String contentType,
            long size,
            @Nullable String contentId,
            boolean inline,
            byte @Nullable [] content,
            @Nullable String omitted) {}

    /** A message forwarded inside this one. */
    public record Forwarded(
            @Nullable String from, String subject, @Nullable Instant date) {}

    /** The header fields loop protection looks at, lower-cased names. */
    public record Headers(
            java.util.Map<String, List<String>> values,
            @Nullable String contentType) {

        public @Nullable String first(String name) {
            var all = values.get(name);
            return all == null || all.isEmpty() ? null : all.getFirst();
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }
    }
}
