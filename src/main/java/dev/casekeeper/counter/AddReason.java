package dev.casekeeper.counter;

import dev.casekeeper.agents.TeamId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Adds a visit reason to a location: its label, its ticket letters (1 to 3, A-Z), the team and skills serving it. */
public record AddReason(
        @Nullable String label,
        @Nullable String code,
        @Nullable TeamId teamId,
        @Nullable List<String> skills) {}
