package dev.casekeeper.macros;

import dev.casekeeper.agents.AgentId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A canned response: its name, its text with placeholders, and the placeholders it uses. */
public record Macro(
        MacroId id,
        String name,
        String body,
        List<String> placeholders,
        Instant createdAt,
        Instant updatedAt,
        @Nullable AgentId updatedBy) {}
