package dev.casekeeper.agents;

import java.util.Map;
import org.passay.FailureRuleResult;
import org.passay.PasswordData;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.SuccessRuleResult;
import org.passay.rule.Rule;

/**
 * Refuses a password that is one short pattern over and over ({@code abcabcabcabc},
 * {@code passwordpassword}) or made of only a handful of different characters
 * ({@code 121212121212}, {@code aaaabbbbcccc}). Passay's {@code RepeatCharactersRule} finds runs of
 * one character; this finds the rest of what makes a long password guessable in few tries.
 */
final class RepeatedPatternRule implements Rule {

    static final String ERROR_CODE = "REPEATED_PATTERN";
    /** Fewer different characters than this is a pattern, however long. */
    static final int MINIMUM_DISTINCT = 5;

    @Override
    public RuleResult validate(PasswordData data) {
        int[] codePoints = data.getPassword().toString().codePoints().toArray();
        boolean repeated = isOnePatternRepeated(codePoints)
                || java.util.Arrays.stream(codePoints).distinct().count() < MINIMUM_DISTINCT;
        return repeated ? new FailureRuleResult(new RuleResultDetail(ERROR_CODE, Map.of())) : new SuccessRuleResult();
    }

    /** Linear in the length for each divisor of it, so no input makes it slow (a regular expression could). */
    private static boolean isOnePatternRepeated(int[] codePoints) {
        int length = codePoints.length;
        for (int unit = 1; unit <= length / 2; unit++) {
            if (length % unit == 0 && repeats(codePoints, unit)) {
                return true;
            }
        }
        return false;
    }

    private static boolean repeats(int[] codePoints, int unit) {
        for (int i = unit; i < codePoints.length; i++) {
            if (codePoints[i] != codePoints[i - unit]) {
                return false;
            }
        }
        return true;
    }
}
