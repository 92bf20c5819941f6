package dev.casekeeper.agents;

import dev.casekeeper.agents.WeakPasswordException.Reason;
import java.util.List;
import java.util.Optional;
import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.data.EnglishSequenceData;
import org.passay.rule.IllegalSequenceRule;
import org.passay.rule.RepeatCharactersRule;

/**
 * The rule every password meets wherever it is set (an agent created by an admin or the API, an
 * agent's own change, the first admin's configured password, a generated temporary one), after
 * NIST SP 800-63B: long enough, not a common or breached-style password, not a run of one character
 * or a repeated pattern, no simple sequence. No arbitrary character classes: a few unrelated words
 * pass. The checks are Passay's rules, with Casekeeper's list of common passwords.
 */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;
    /** Five in a row: {@code 12345}, {@code abcde}, {@code qwert}; four would refuse everyday words ("liberty" has "erty"). */
    private static final int SEQUENCE_LENGTH = 5;

    private static final PasswordValidator validator = new DefaultPasswordValidator(
            DefaultPasswordValidator.NULL_MESSAGE_RESOLVER,
            List.of(
                    new CommonPasswordRule(CommonPasswordRule.bundledList()),
                    new RepeatCharactersRule(SEQUENCE_LENGTH, 1),
                    new RepeatedPatternRule(),
                    new IllegalSequenceRule(EnglishSequenceData.Alphabetical, SEQUENCE_LENGTH, false),
                    new IllegalSequenceRule(EnglishSequenceData.Numerical, SEQUENCE_LENGTH, false),
                    new IllegalSequenceRule(EnglishSequenceData.USQwerty, SEQUENCE_LENGTH, false)));

    private PasswordPolicy() {}

    static void check(String password) {
        check(password, "password");
    }

    /** Refuses a password that breaks the rule, naming the form or request field it came in and why. */
    static void check(String password, String field) {
        var refusal = refusal(password);
        if (refusal.isPresent()) {
            throw new WeakPasswordException(field, refusal.get());
        }
    }

    /** Why the password is refused, the first reason in the order people meet them; nothing when it passes. */
    static Optional<Reason> refusal(String password) {
        // Counted in characters as people count them, not in UTF-16 units.
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of(Reason.TOO_SHORT);
        }
        var result = validator.validate(new PasswordData(password));
        if (result.isValid()) {
            return Optional.empty();
        }
        var codes = result.getDetails().stream()
                .map(detail -> detail.getErrorCode())
                .toList();
        if (codes.contains(CommonPasswordRule.ERROR_CODE)) {
            return Optional.of(Reason.COMMON);
        }
        if (codes.contains(RepeatCharactersRule.ERROR_CODE) || codes.contains(RepeatedPatternRule.ERROR_CODE)) {
            return Optional.of(Reason.REPEATED);
        }
        if (codes.stream().anyMatch(code -> code.startsWith("ILLEGAL_") && code.endsWith("_SEQUENCE"))) {
            return Optional.of(Reason.SEQUENCE);
        }
        throw new IllegalStateException(
                "A password rule refused with codes " + codes + " that the policy does not name");
    }
}
