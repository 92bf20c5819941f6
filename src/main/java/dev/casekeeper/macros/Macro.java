package dev.casekeeper.macros;

import dev.casekeeper.agents.AgentId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A canned response: its name, its text with placeholders, the placeholders it uses, and what it
 * changes on the case when applied.
 */
public record Macro(
        MacroId id,
        String name,
        String body,
        List<String> placeholders,
        Instant createdAt,
        Instant updatedAt,
        @Nullable AgentId updatedBy,
        MacroActions actions) {}
