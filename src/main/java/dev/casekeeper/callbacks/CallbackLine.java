package dev.casekeeper.callbacks;

import org.jspecify.annotations.Nullable;

/** A callback as a page lists it: with its owner's name (null while it waits in the team's queue) and whether it is late. */
public record CallbackLine(Callback callback, @Nullable String ownerName, boolean overdue) {}
