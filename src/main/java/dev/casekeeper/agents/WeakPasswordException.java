package dev.casekeeper.agents;

import dev.casekeeper.shared.InvalidInputException;

/**
 * A password the policy refuses, and why. Pages say why from the message bundle
 * ({@link #messageCode()}); the API says it in the problem's field error.
 */
public class WeakPasswordException extends InvalidInputException {

    /** Why a password is refused; each has a text under {@code password.refused.<code>} in the message bundle. */
    public enum Reason {
        TOO_SHORT("too-short", "must be at least " + PasswordPolicy.MINIMUM_LENGTH + " characters long"),
        COMMON(
                "common",
                "is one of the most common passwords, or one of them with digits or symbols added; choose another"),
        REPEATED("repeated", "repeats itself (like aaaaa or abcabc); choose something less predictable"),
        SEQUENCE(
                "sequence",
                "contains a simple sequence (like 12345, abcde or qwerty); choose something less predictable");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    WeakPasswordException(String field, Reason reason) {
        super(field, reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The message bundle's text of the reason; its one argument is the minimum length. */
    public String messageCode() {
        return "password.refused." + reason.code();
    }

    public Object[] messageArguments() {
        return new Object[] {PasswordPolicy.MINIMUM_LENGTH};
    }
}
