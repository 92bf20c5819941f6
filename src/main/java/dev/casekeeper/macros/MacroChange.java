package dev.casekeeper.macros;

import org.jspecify.annotations.Nullable;

/**
 * One change applying a canned response makes to a case: {@code field} ({@code status},
 * {@code priority}, {@code tags}, {@code owner}), what it is and what it becomes (tags joined with
 * commas, an owner by name; null when empty).
 */
public record MacroChange(
        String field, @Nullable String from, @Nullable String to) {}
