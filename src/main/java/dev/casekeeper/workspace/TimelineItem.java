package dev.casekeeper.workspace;

import dev.casekeeper.cases.ChannelFacts;
import dev.casekeeper.cases.Delivery;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.TimelineLine;
import dev.casekeeper.shared.Actor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the timeline as the case page shows it: who (by name), what kind, and the text or
 * sanitized HTML of a message, the readable line of an event, what the channel kept about it, and
 * for a reply how far its delivery got. The id ties it to what other modules say about it (its
 * frustration score).
 */
record TimelineItem(
        UUID id,
        EntryKind kind,
        Actor.Kind authorKind,
        String authorName,
        @Nullable String text,
        @Nullable String html,
        @Nullable TimelineLine line,
        @Nullable ChannelFacts facts,
        Instant at,
        @Nullable Delivery delivery) {

    public boolean isEvent() {
        return kind == EntryKind.EVENT;
    }

    /** A message in, a reply or a note: what a colleague must read before answering. */
    public boolean isConversation() {
        return kind != EntryKind.EVENT;
    }

    public String css() {
        return switch (kind) {
            case MESSAGE_IN -> "entry entry-customer";
            case MESSAGE_OUT -> "entry entry-reply";
            case NOTE -> "entry entry-note";
            case EVENT -> "entry entry-event";
        };
    }

    /** How many characters that cannot be stored the channel took out of the message. */
    public int removedCharacters() {
        return facts == null ? 0 : facts.removedCharacters();
    }
}
