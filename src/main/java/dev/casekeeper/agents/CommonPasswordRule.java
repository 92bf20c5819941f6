package dev.casekeeper.agents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.passay.FailureRuleResult;
import org.passay.PasswordData;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.SuccessRuleResult;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.Dictionary;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;
import org.passay.rule.Rule;

/**
 * Refuses a common password, and one built on it the way breached passwords usually are: digits or
 * symbols added before or after ({@code Password2024!}, {@code iloveyou1234}), in any case, and
 * with the usual letter swaps ({@code p@ssw0rd}). Passay's {@code DictionaryRule} matches the
 * password only as it is; its substring rule would refuse every passphrase with a common word in it.
 */
final class CommonPasswordRule implements Rule {

    static final String ERROR_CODE = "COMMON_PASSWORD";
    private static final String LIST = "/agents/common-passwords.txt";

    private final Dictionary common;

    CommonPasswordRule(Dictionary common) {
        this.common = common;
    }

    /** The bundled list (see the notice at its top): read once, searched by binary search, ignoring case. */
    static Dictionary bundledList() {
        try (InputStream in = CommonPasswordRule.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords " + LIST + " is missing");
            }
            var words = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toArray(String[]::new);
            return new WordListDictionary(new ArrayWordList(words, false, new ArraysSort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RuleResult validate(PasswordData data) {
        String password = data.getPassword().toString();
        String core = withoutLeadingAndTrailingNonLetters(password);
        boolean found = Stream.of(password, core, unswapped(core, 'i'), unswapped(core, 'l'))
                .filter(candidate -> !candidate.isEmpty())
                .anyMatch(common::search);
        return found ? new FailureRuleResult(new RuleResultDetail(ERROR_CODE, Map.of())) : new SuccessRuleResult();
    }

    private static String withoutLeadingAndTrailingNonLetters(String password) {
        int start = 0;
        int end = password.length();
        while (start < end && !Character.isLetter(password.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(start, end);
    }

    /** The usual swaps of letters for digits and symbols taken back; a 1 stands for an i or an l. */
    private static String unswapped(String word, char one) {
        var letters = new StringBuilder(word.length());
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            letters.append(
                    switch (c) {
                        case '@', '4' -> 'a';
                        case '3' -> 'e';
                        case '0' -> 'o';
                        case '$', '5' -> 's';
                        case '7' -> 't';
                        case '1', '!' -> one;
                        default -> c;
                    });
        }
        return letters.toString();
    }
}
