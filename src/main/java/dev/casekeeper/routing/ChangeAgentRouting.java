package dev.casekeeper.routing;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** New skills or capacities for an agent; a null field stays as it is. A capacity of -1 goes back to the default. */
public record ChangeAgentRouting(
        @Nullable Set<String> skills,
        @Nullable Integer chatCapacity,
        @Nullable Integer emailCapacity) {}
