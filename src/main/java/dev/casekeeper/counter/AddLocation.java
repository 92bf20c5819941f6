package dev.casekeeper.counter;

import org.jspecify.annotations.Nullable;

/**
 * Adds a counter location.
 *
 * @param slug the location's part of the kiosk and board addresses ({@code /counter/kiosk/<slug>})
 * @param zone its time zone (IANA id, e.g. {@code America/Chicago}); null takes UTC
 */
public record AddLocation(
        @Nullable String name,
        @Nullable String slug,
        @Nullable String zone) {}
