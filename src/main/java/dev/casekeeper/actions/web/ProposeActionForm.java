package dev.casekeeper.actions.web;

import dev.casekeeper.actions.ProposeAction;
import dev.casekeeper.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The case page's form for one action type: its amount as typed and its fields, posted as
 * {@code field.<key>} parameters.
 */
record ProposeActionForm(
        @Nullable UUID typeId,
        @Nullable String amount,
        @Nullable String note) {

    ProposeAction command(Map<String, String> parameters) {
        var fields = new LinkedHashMap<String, String>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("field.")) {
                fields.put(name.substring("field.".length()), value);
            }
        });
        return new ProposeAction(typeId, parsedAmount(), fields, note);
    }

    private @Nullable BigDecimal parsedAmount() {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(amount.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount", "is not an amount");
        }
    }
}
