package dev.casekeeper.workspace;

import dev.casekeeper.cases.Delivery;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.shared.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the timeline as the case page shows it: who (by name), what kind, and the text,
 * sanitized HTML or event data, and for a reply how far its delivery got. The id ties it to what
 * other modules say about it (its frustration score).
 */
record TimelineItem(
        UUID id,
        EntryKind kind,
        Actor.Kind authorKind,
        String authorName,
        @Nullable String text,
        @Nullable String html,
        @Nullable String eventType,
        Map<String, Object> data,
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

    /** What the email channel recorded of a message that came by email, or null. */
    @SuppressWarnings("unchecked")
    public @Nullable Map<String, Object> email() {
        return data.get("email") instanceof Map<?, ?> email ? (Map<String, Object>) email : null;
    }

    public @Nullable Object get(String key) {
        return data.get(key);
    }
}
