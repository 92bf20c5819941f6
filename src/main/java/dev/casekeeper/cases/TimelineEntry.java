package dev.casekeeper.cases;

import dev.casekeeper.shared.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One immutable entry of a case's timeline. Messages and notes have a text body and, when the
 * sender gave one, sanitized HTML; events have a type and data. {@code authorName} is the author's
 * name when the entry is read back (an agent's or customer's current name, or Casekeeper itself).
 * Messages from a channel carry the channel's facts in {@code data}; a reply sent through a channel
 * has its {@code delivery}.
 */
public record TimelineEntry(
        UUID id,
        EntryKind kind,
        Actor author,
        @Nullable String bodyText,
        @Nullable String bodyHtml,
        @Nullable String eventType,
        Map<String, Object> data,
        Instant createdAt,
        @Nullable String authorName,
        @Nullable Delivery delivery) {

    TimelineEntry withAuthorName(@Nullable String name) {
        return new TimelineEntry(id, kind, author, bodyText, bodyHtml, eventType, data, createdAt, name, delivery);
    }
}
