package dev.casekeeper.shared;

import java.util.Map;

/** Input that breaks a rule no annotation can express. Answered with 400 naming the fields. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String field, String message) {
        super(message);
        this.fieldErrors = Map.of(field, message);
    }

    /** Several fields at once, so a form or request learns everything wrong with it in one answer. */
    public InvalidInputException(Map<String, String> fieldErrors) {
        super(String.join(
                "; ",
                fieldErrors.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList()));
        this.fieldErrors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fieldErrors));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
