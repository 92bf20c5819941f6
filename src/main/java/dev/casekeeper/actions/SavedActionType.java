package dev.casekeeper.actions;

import org.jspecify.annotations.Nullable;

/** A saved action type, and its endpoint's signing secret when one was made now (shown this once). */
public record SavedActionType(ActionType type, @Nullable String secret) {}
