package dev.casekeeper.actions;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An agent proposes an action of a type on a case: its amount (for types with one), fields and why. */
public record ProposeAction(
        @Nullable UUID typeId,
        @Nullable BigDecimal amount,
        @Nullable Map<String, String> fields,
        @Nullable String note) {}
