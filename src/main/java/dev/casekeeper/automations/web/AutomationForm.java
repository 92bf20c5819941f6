package dev.casekeeper.automations.web;

import dev.casekeeper.automations.Automation;
import dev.casekeeper.automations.AutomationAction;
import dev.casekeeper.automations.Condition;
import dev.casekeeper.automations.SaveAutomation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trigger or a time-based automation as typed on its page: a few rows of conditions and of
 * actions, in order; a row left empty is no condition or action. A refused one comes back as typed.
 */
record AutomationForm(
        @Nullable String kind,
        @Nullable String name,
        @Nullable String event,
        @Nullable String status,
        @Nullable Integer hours,
        @Nullable String match,
        @Nullable Boolean enabled,
        @Nullable List<String> conditionField,
        @Nullable List<String> conditionOp,
        @Nullable List<String> conditionValue,
        @Nullable List<String> actionType,
        @Nullable List<String> actionValue) {

    static final int CONDITION_ROWS = 4;
    static final int ACTION_ROWS = 4;

    static AutomationForm empty(Automation.Kind kind) {
        return new AutomationForm(
                kind.value(), "", "", "", null, "all", false, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static AutomationForm of(Automation a) {
        return new AutomationForm(
                a.kind().value(),
                a.name(),
                a.event() == null ? "" : a.event().value(),
                a.status() == null ? "" : a.status(),
                a.hours(),
                a.matchAll() ? "all" : "any",
                a.enabled(),
                a.conditions().stream().map(Condition::field).toList(),
                a.conditions().stream().map(Condition::op).toList(),
                a.conditions().stream()
                        .map(c -> c.value() == null ? "" : c.value())
                        .toList(),
                a.actions().stream().map(AutomationAction::type).toList(),
                a.actions().stream()
                        .map(x -> x.value() == null ? "" : x.value())
                        .toList());
    }

    Automation.Kind automationKind() {
        return "timed".equals(kind) ? Automation.Kind.TIMED : Automation.Kind.TRIGGER;
    }

    SaveAutomation command() {
        var conditions = new ArrayList<Condition>();
        for (int i = 0; i < size(conditionField); i++) {
            String field = at(conditionField, i);
            if (!field.isBlank()) {
                conditions.add(new Condition(field, at(conditionOp, i), at(conditionValue, i)));
            }
        }
        var actions = new ArrayList<AutomationAction>();
        for (int i = 0; i < size(actionType); i++) {
            String type = at(actionType, i);
            if (!type.isBlank()) {
                actions.add(new AutomationAction(type, at(actionValue, i)));
            }
        }
        boolean trigger = automationKind() == Automation.Kind.TRIGGER;
        return new SaveAutomation(
                name == null ? "" : name,
                Boolean.TRUE.equals(enabled),
                null,
                trigger ? (event == null ? "" : event) : null,
                trigger ? null : (status == null ? "" : status),
                trigger ? null : (hours == null ? 0 : hours),
                match,
                conditions,
                actions);
    }

    /** The value of a row, or "" past the rows given: the page shows empty rows to fill in. */
    public String conditionField(int row) {
        return at(conditionField, row);
    }

    public String conditionOp(int row) {
        return at(conditionOp, row);
    }

    public String conditionValue(int row) {
        return at(conditionValue, row);
    }

    public String actionType(int row) {
        return at(actionType, row);
    }

    public String actionValue(int row) {
        return at(actionValue, row);
    }

    private static int size(@Nullable List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(@Nullable List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }
}
