package dev.casekeeper.cases;

import dev.casekeeper.shared.Actor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One immutable entry of a case's timeline. Messages and notes have a text body and, when the
 * sender gave one, sanitized HTML; events have their {@link TimelineEvent}. A message a channel
 * received or sent carries the channel's {@link ChannelFacts}; a reply sent through a channel has
 * its {@code delivery}. {@code authorName} is the author's name when the entry is read back for a
 * person (an agent's or customer's current name, or Casekeeper itself), else null.
 */
public record TimelineEntry(
        UUID id,
        EntryKind kind,
        Actor author,
        @Nullable String bodyText,
        @Nullable String bodyHtml,
        @Nullable TimelineEvent event,
        @Nullable ChannelFacts facts,
        Instant createdAt,
        @Nullable String authorName,
        @Nullable Delivery delivery) {

    TimelineEntry withAuthorName(@Nullable String name) {
        return new TimelineEntry(id, kind, author, bodyText, bodyHtml, event, facts, createdAt, name, delivery);
    }

    /** The channel's facts of this entry when they are of the given kind, else null. */
    public <T extends ChannelFacts> @Nullable T facts(Class<T> type) {
        return type.isInstance(facts) ? type.cast(facts) : null;
    }

    /** The entry's event when it is of the given kind, else null. */
    public <T extends TimelineEvent> @Nullable T event(Class<T> type) {
        return type.isInstance(event) ? type.cast(event) : null;
    }
}
