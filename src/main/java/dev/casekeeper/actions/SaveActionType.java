package dev.casekeeper.actions;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An admin's definition of an action type, to add or to replace one. Missing parts of a new type
 * come from its kind ({@link ActionKind}): whether it has an amount, its fields, its lowest role.
 * {@code minRole} is {@code agent}, {@code supervisor} or {@code admin}; an {@code endpointUrl}
 * connects the company's system (a signing secret is made for it, shown once).
 */
public record SaveActionType(
        @Nullable String name,
        @Nullable String kind,
        @Nullable Boolean hasAmount,
        @Nullable String currency,
        @Nullable BigDecimal agentLimit,
        @Nullable BigDecimal supervisorLimit,
        @Nullable String minRole,
        @Nullable List<ActionField> fields,
        @Nullable String nextSteps,
        @Nullable String endpointUrl,
        @Nullable Boolean active) {}
