package dev.casekeeper.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list read with a cursor; {@code nextCursor} is null on the last page. */
public record Slice<T>(List<T> items, @Nullable String nextCursor) {}
