package dev.casekeeper.automations;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An automation as an admin gives it; checked field by field when saved. */
public record SaveAutomation(
        @Nullable String name,
        @Nullable Boolean enabled,
        @Nullable Integer position,
        @Nullable String event,
        @Nullable String status,
        @Nullable Integer hours,
        @Nullable String match,
        @Nullable List<Condition> conditions,
        @Nullable List<AutomationAction> actions) {}
