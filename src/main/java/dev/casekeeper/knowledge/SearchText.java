package dev.casekeeper.knowledge;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Words typed into a search box as a PostgreSQL text query. Each article is indexed with the text
 * search configuration of its language (English, German and Spanish stem; every other language is
 * indexed word for word); a query is built in every configuration and the results OR-ed, so one GIN
 * index answers it whatever the article's language. The last word matches as a prefix, so
 * suggestions follow what the customer is still typing.
 */
final class SearchText {

    static final int MAX_WORDS = 8;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Map<String, String> CONFIGURATIONS =
            Map.of("en", "knowledge.english", "de", "knowledge.german", "es", "knowledge.spanish");

    private SearchText() {}

    /** The text search configuration an article in this language is indexed with. */
    static String configuration(String locale) {
        return CONFIGURATIONS.getOrDefault(locale, "knowledge.simple");
    }

    /** The words as a {@code to_tsquery} text (all words, the last as a prefix), or null when there are none. */
    static @Nullable String query(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        var words = new ArrayList<String>();
        var matcher = WORD.matcher(typed.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_WORDS) {
            words.add(matcher.group());
        }
        if (words.isEmpty()) {
            return null;
        }
        return String.join(" & ", words) + ":*";
    }

    /**
     * A case's subject and message as a query that any of their words satisfies (ranking puts the
     * articles sharing the most first), or null when there are none. Short words carry little.
     */
    static @Nullable String anyWord(String text) {
        var words = new java.util.LinkedHashSet<String>();
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < 3 * MAX_WORDS) {
            if (matcher.group().length() >= 3) {
                words.add(matcher.group());
            }
        }
        return words.isEmpty() ? null : String.join(" | ", words);
    }

    /**
     * SQL for the query in every configuration, OR-ed; {@code :q} is the text from {@link #query}. Built
     * once per statement: {@code offset 0} keeps PostgreSQL from folding the sub-select into the article
     * scan, where a cached generic plan (the JDBC driver prepares a statement after a few executions)
     * parsed the words four times for each matching article in the index recheck and again in
     * {@code ts_rank}: twice the time of the ranking itself for a common word.
     */
    static final String TSQUERY = "(select to_tsquery('knowledge.english', :q) || to_tsquery('knowledge.german', :q)"
            + " || to_tsquery('knowledge.spanish', :q) || to_tsquery('knowledge.simple', :q) as query offset 0) q ";
}
