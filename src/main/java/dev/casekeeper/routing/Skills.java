package dev.casekeeper.routing;

import dev.casekeeper.shared.InvalidInputException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Skills are short lower-case names (a language, a product line): {@code fr}, {@code routers}, {@code billing-b2b}. */
final class Skills {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:-]{0,39}");
    private static final int MAX = 50;

    private Skills() {}

    static List<String> normalize(Collection<String> skills, String field) {
        var normalized = new TreeSet<String>();
        for (var skill : skills) {
            var name = skill == null ? "" : skill.strip().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException(
                        field,
                        "each skill is 1 to 40 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
            }
            normalized.add(name);
        }
        if (normalized.size() > MAX) {
            throw new InvalidInputException(field, "at most " + MAX + " skills");
        }
        return List.copyOf(normalized);
    }
}
