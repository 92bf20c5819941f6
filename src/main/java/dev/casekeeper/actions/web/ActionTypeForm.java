package dev.casekeeper.actions.web;

import dev.casekeeper.actions.ActionField;
import dev.casekeeper.actions.ActionType;
import dev.casekeeper.actions.SaveActionType;
import dev.casekeeper.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The admin's form of an action type, as typed. Fields are one a line, {@code key | Label}, with
 * {@code | required} at the end of those the agent must fill in.
 */
record ActionTypeForm(
        @Nullable String name,
        @Nullable String kind,
        @Nullable Boolean hasAmount,
        @Nullable String currency,
        @Nullable String agentLimit,
        @Nullable String supervisorLimit,
        @Nullable String minRole,
        @Nullable String fields,
        @Nullable String nextSteps,
        @Nullable String endpointUrl,
        @Nullable Boolean active) {

    static ActionTypeForm of(SaveActionType type) {
        return new ActionTypeForm(
                type.name(),
                type.kind(),
                type.hasAmount(),
                type.currency(),
                type.agentLimit() == null ? "" : type.agentLimit().toPlainString(),
                type.supervisorLimit() == null ? "" : type.supervisorLimit().toPlainString(),
                type.minRole(),
                lines(type.fields() == null ? List.of() : type.fields()),
                type.nextSteps(),
                type.endpointUrl(),
                type.active());
    }

    static ActionTypeForm of(ActionType type) {
        return new ActionTypeForm(
                type.name(),
                type.kind().value(),
                type.hasAmount(),
                type.currency(),
                type.agentLimit() == null ? "" : type.agentLimit().toPlainString(),
                type.supervisorLimit() == null ? "" : type.supervisorLimit().toPlainString(),
                type.minRole().value(),
                lines(type.fields()),
                type.nextSteps(),
                type.endpointUrl(),
                type.active());
    }

    /** The command; a limit or a field line that cannot be read is refused beside its field. */
    SaveActionType command() {
        return new SaveActionType(
                name,
                kind,
                Boolean.TRUE.equals(hasAmount),
                currency,
                amount(agentLimit, "agentLimit"),
                amount(supervisorLimit, "supervisorLimit"),
                minRole,
                parsedFields(),
                nextSteps,
                endpointUrl,
                Boolean.TRUE.equals(active));
    }

    private List<ActionField> parsedFields() {
        var parsed = new ArrayList<ActionField>();
        if (fields == null) {
            return parsed;
        }
        for (var line :
                fields.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            var parts = line.split("\\|");
            if (parts.length < 2 || parts.length > 3) {
                throw new InvalidInputException("fields", "write each field as key | Label, or key | Label | required");
            }
            boolean required = parts.length == 3 && parts[2].strip().equalsIgnoreCase("required");
            if (parts.length == 3 && !required) {
                throw new InvalidInputException("fields", "the third part of a field line is required, or nothing");
            }
            parsed.add(new ActionField(parts[0].strip(), parts[1].strip(), required));
        }
        return parsed;
    }

    private static @Nullable BigDecimal amount(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "is not an amount");
        }
    }

    private static String lines(List<ActionField> fields) {
        return fields.stream()
                .map(f -> f.key() + " | " + f.label() + (f.required() ? " | required" : ""))
                .collect(Collectors.joining("\n"));
    }
}
