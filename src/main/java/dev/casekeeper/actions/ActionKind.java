package dev.casekeeper.actions;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.casekeeper.agents.Role;
import dev.casekeeper.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of action Casekeeper knows, with what a new action type of the kind starts from: whether
 * it has an amount, the fields an agent fills in, the lowest role that runs it alone, and the next
 * steps the customer is told. An admin changes any of it; {@link #CUSTOM} starts empty.
 */
public enum ActionKind {
    REFUND(true, List.of(new ActionField("order", "Order number", true)), Role.AGENT),
    REPLACEMENT(
            true,
            List.of(new ActionField("order", "Order number", true), new ActionField("item", "Item to send", true)),
            Role.AGENT),
    STORE_CREDIT(true, List.of(), Role.AGENT),
    LICENCE_REISSUE(
            false,
            List.of(
                    new ActionField("account", "Customer's existing account", true),
                    new ActionField("product", "Product", true)),
            Role.AGENT),
    FEE_WAIVER(true, List.of(new ActionField("fee", "Fee", true)), Role.AGENT),
    TECHNICIAN_VISIT(
            false,
            List.of(new ActionField("date", "Day of the visit", true), new ActionField("address", "Address", true)),
            Role.AGENT),
    CUSTOM(false, List.of(), Role.AGENT);

    private final boolean hasAmount;
    private final List<ActionField> fields;
    private final Role minRole;

    ActionKind(boolean hasAmount, List<ActionField> fields, Role minRole) {
        this.hasAmount = hasAmount;
        this.fields = fields;
        this.minRole = minRole;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasAmount() {
        return hasAmount;
    }

    public List<ActionField> fields() {
        return fields;
    }

    public Role minRole() {
        return minRole;
    }

    public static ActionKind of(String value) {
        return Arrays.stream(values())
                .filter(k -> k.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "kind",
                        "is not a kind of action: use one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(values())
                                                .map(ActionKind::value)
                                                .toList())));
    }
}
