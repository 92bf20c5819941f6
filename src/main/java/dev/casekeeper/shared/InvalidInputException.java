package dev.casekeeper.shared;

import java.util.Map;

/** Input that breaks a rule no annotation can express. Answered with 400 naming the fields. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String field, String message) {
        super(message);
        this.fieldErrors = Map.of(field, message);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
