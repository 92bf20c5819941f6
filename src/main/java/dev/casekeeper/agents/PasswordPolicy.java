package dev.casekeeper.agents;

import dev.casekeeper.shared.InvalidInputException;

/** The rule a new password must meet: long enough to resist guessing, no arbitrary character classes. */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;

    private PasswordPolicy() {}

    static void check(String password) {
        check(password, "password");
    }

    /** Refuses a password that breaks the rule, naming the form or request field it came in. */
    static void check(String password, String field) {
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw new InvalidInputException(field, "must be at least " + MINIMUM_LENGTH + " characters long");
        }
    }
}
