package dev.casekeeper.audit;

import dev.casekeeper.shared.InvalidInputException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to list; every part is optional.
 *
 * @param actor an agent's id, or an email as recorded
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param text words found in the actor's email, the subject or the summary
 */
public record AuditSearch(
        @Nullable String actor,
        @Nullable AuditKind kind,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String text) {

    static final int MAX_TEXT = 200;

    public static final AuditSearch ALL = new AuditSearch(null, null, null, null, null);

    public AuditSearch {
        actor = blankToNull(actor);
        text = blankToNull(text);
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "must be at most " + MAX_TEXT + " characters");
        }
        if (actor != null && actor.length() > MAX_TEXT) {
            throw new InvalidInputException("actor", "must be at most " + MAX_TEXT + " characters");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
    }

    /** The filters as an export's audit entry names them. */
    public String describe() {
        var parts = new java.util.ArrayList<String>();
        if (actor != null) {
            parts.add("actor " + actor);
        }
        if (kind != null) {
            parts.add("kind " + kind.value());
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        if (text != null) {
            parts.add("text \"" + text + "\"");
        }
        return parts.isEmpty() ? "all entries" : String.join(", ", parts);
    }

    /** The kind as the API and the page's filter name it; unknown kinds are refused. */
    public static @Nullable AuditKind kind(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return AuditKind.from(value.strip())
                .orElseThrow(() -> new InvalidInputException("kind", "is not a kind of audit entry"));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
