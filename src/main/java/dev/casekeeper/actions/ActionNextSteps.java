package dev.casekeeper.actions;

/**
 * What the reply may tell the customer about an action: its type's next steps with {@code {amount}},
 * {@code {currency}} and each field's {@code {key}} filled in.
 */
public record ActionNextSteps(Action action, String text) {

    static String fill(String template, Action action) {
        var text = template.replace(
                        "{amount}",
                        action.amount() == null ? "" : action.amount().toPlainString())
                .replace("{currency}", action.currency() == null ? "" : action.currency());
        for (var field : action.fields().entrySet()) {
            text = text.replace("{" + field.getKey() + "}", field.getValue());
        }
        return text;
    }
}
