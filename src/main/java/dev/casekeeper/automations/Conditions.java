package dev.casekeeper.automations;

import java.util.List;
import java.util.Set;

/**
 * Whether a case meets an automation's conditions. Comparisons ignore case; {@code is} on a field
 * with several values (tags) holds when one of them is the value, {@code contains} when one contains
 * it. No conditions at all: every case meets them.
 */
final class Conditions {

    static final Set<String> FIELDS = Set.of("channel", "team", "owner", "priority", "status", "tags", "text");
    static final Set<String> OPS = Set.of("is", "is_not", "contains", "not_contains");

    private Conditions() {}

    static boolean met(Automation automation, CaseFacts facts) {
        List<Condition> conditions = automation.conditions();
        if (conditions.isEmpty()) {
            return true;
        }
        return automation.matchAll()
                ? conditions.stream().allMatch(c -> holds(c, facts))
                : conditions.stream().anyMatch(c -> holds(c, facts));
    }

    static boolean holds(Condition condition, CaseFacts facts) {
        var values =
                facts.values(condition.field()).stream().map(CaseFacts::lower).toList();
        String wanted = condition.value() == null
                ? ""
                : CaseFacts.lower(condition.value().strip());
        return switch (condition.op()) {
            case "is" -> wanted.isEmpty() ? values.isEmpty() : values.contains(wanted);
            case "is_not" -> wanted.isEmpty() ? !values.isEmpty() : !values.contains(wanted);
            case "contains" -> values.stream().anyMatch(v -> v.contains(wanted));
            case "not_contains" -> values.stream().noneMatch(v -> v.contains(wanted));
            default -> false;
        };
    }

    /** Whether the field is one conditions can test. */
    static boolean knownField(String field) {
        return FIELDS.contains(field)
                || (field.startsWith("custom.") && field.length() > "custom.".length())
                || (field.startsWith("customer.") && field.length() > "customer.".length())
                || (field.startsWith("calendar.") && field.length() > "calendar.".length());
    }
}
