package dev.casekeeper.cases;

import dev.casekeeper.shared.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tags as stored: lower case, trimmed, unique, in the order given. */
final class Tags {

    static final int MAX_TAGS = 30;
    private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}_:.\\-]{0,49}$");

    private Tags() {}

    static List<String> normalize(List<String> tags) {
        var result = new LinkedHashSet<String>();
        for (String tag : tags) {
            String normalized = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(normalized).matches()) {
                throw new InvalidInputException(
                        "tags", "'" + tag + "' is not a tag: use letters, digits, '-', '_', ':' or '.', at most 50");
            }
            result.add(normalized);
        }
        if (result.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "a case takes at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(result);
    }
}
