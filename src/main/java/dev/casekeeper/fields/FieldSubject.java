package dev.casekeeper.fields;

import dev.casekeeper.shared.InvalidInputException;

/** What a custom field describes: a case or a customer. */
public enum FieldSubject {
    CASE("case"),
    CUSTOMER("customer");

    private final String value;

    FieldSubject(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static FieldSubject from(String value) {
        return switch (value) {
            case "case" -> CASE;
            case "customer" -> CUSTOMER;
            default -> throw new InvalidInputException("subject", "must be case or customer");
        };
    }
}
