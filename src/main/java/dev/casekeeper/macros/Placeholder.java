package dev.casekeeper.macros;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a canned response may say about the case at hand, written {@code {{customer.name}}}.
 * Each takes its value from the case, its customer or the agent inserting the response.
 */
public enum Placeholder {
    CUSTOMER_NAME("customer.name", MacroFacts::customerName),
    /** What the customer asked to be called, or else their name. */
    CUSTOMER_PREFERRED_NAME(
            "customer.preferredName",
            facts -> facts.customerPreferredName() == null
                            || facts.customerPreferredName().isBlank()
                    ? facts.customerName()
                    : facts.customerPreferredName()),
    CUSTOMER_EMAIL("customer.email", MacroFacts::customerEmail),
    CASE_NUMBER("case.number", facts -> Long.toString(facts.caseNumber())),
    CASE_SUBJECT("case.subject", MacroFacts::caseSubject),
    AGENT_NAME("agent.name", MacroFacts::agentName),
    AGENT_FIRST_NAME("agent.firstName", facts -> firstWord(facts.agentName()));

    private final String key;
    private final Function<MacroFacts, String> value;

    Placeholder(String key, Function<MacroFacts, String> value) {
        this.key = key;
        this.value = value;
    }

    /** The name between the braces. */
    public String key() {
        return key;
    }

    /** How it is written in a text. */
    public String written() {
        return "{{" + key + "}}";
    }

    String valueFor(MacroFacts facts) {
        return value.apply(facts);
    }

    static Optional<Placeholder> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    private static String firstWord(String name) {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
