package dev.casekeeper.assist.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A list of words and phrases from a data file, and the matcher that finds them in a message.
 *
 * <p>One entry a line; {@code #} starts a comment. Words are matched as the tokenizer normalizes
 * them (lower case, apostrophes dropped), so {@code don't} in a file matches {@code DONT} in a
 * message. {@code a; b} on one line are two phrases with the same attributes. Inside a phrase,
 * {@code a|b} means either word, {@code [a|b]} either or none, and a trailing {@code *} any word
 * starting so ({@code cancel*}). After a tab, {@code key=value}
 * attributes (more tabs, more attributes) carry what a match means, such as a rewrite suggestion.
 */
public final class PhraseList {

    /** One line of the file. */
    public record Entry(String phrase, Map<String, String> attributes) {

        public @Nullable String attribute(String key) {
            return attributes.get(key);
        }
    }

    /** Where an entry matched: tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public record Match(Entry entry, int from, int to) {}

    /**
     * A trie over words: each path from the root spells a phrase. Matching walks it from each
     * token, so the cost per token is the length of the longest phrase, not the number of phrases.
     */
    private static final class Node {
        final Map<String, Node> words = new HashMap<>();
        final Map<String, Node> prefixes = new HashMap<>();

        @Nullable
        Entry entry;
    }

    private final Node root = new Node();
    private final List<Entry> entries = new ArrayList<>();

    private PhraseList() {}

    public static PhraseList of(Collection<Entry> entries) {
        var list = new PhraseList();
        entries.forEach(list::add);
        return list;
    }

    /** Reads a list from the classpath; a missing file is an empty list (a language need not have every list). */
    public static PhraseList load(String resource) {
        var entries = new ArrayList<Entry>();
        InputStream stream = PhraseList.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            return of(entries);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                var entry = parse(line);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return of(entries);
    }

    static @Nullable Entry parse(String line) {
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
            return null;
        }
        String[] parts = content.split("\t+");
        var attributes = new LinkedHashMap<String, String>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                attributes.put(
                        parts[i].substring(0, eq).strip(),
                        parts[i].substring(eq + 1).strip());
            }
        }
        return new Entry(parts[0].strip(), Map.copyOf(attributes));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private void add(Entry entry) {
        entries.add(entry);
        for (var words : expand(entry.phrase())) {
            if (words.isEmpty()) {
                continue;
            }
            var node = root;
            for (String word : words) {
                boolean prefix = word.endsWith("*") && word.length() > 1;
                var children = prefix ? node.prefixes : node.words;
                node = children.computeIfAbsent(prefix ? word.substring(0, word.length() - 1) : word, k -> new Node());
            }
            if (node.entry == null) {
                node.entry = entry;
            }
        }
    }

    /** Every concrete word sequence a phrase stands for, normalized like message words. */
    static List<List<String>> expand(String phrase) {
        if (phrase.contains(";")) {
            var all = new ArrayList<List<String>>();
            for (String one : phrase.split(";")) {
                if (!one.isBlank()) {
                    all.addAll(expand(one));
                }
            }
            return all;
        }
        List<List<String>> result = new ArrayList<>();
        result.add(new ArrayList<>());
        for (String part : phrase.strip().split("\\s+")) {
            boolean optional = part.startsWith("[") && part.endsWith("]");
            String body = optional ? part.substring(1, part.length() - 1) : part;
            List<List<String>> next = new ArrayList<>();
            for (var prefix : result) {
                if (optional) {
                    next.add(prefix);
                }
                for (String alternative : body.split("\\|")) {
                    var words = normalize(alternative);
                    if (!words.isEmpty()) {
                        var extended = new ArrayList<>(prefix);
                        extended.addAll(words);
                        next.add(extended);
                    }
                }
            }
            result = next;
        }
        return result;
    }

    /** A phrase word as the tokenizer would see it; {@code for-ever} becomes two words, a trailing {@code *} stays. */
    static List<String> normalize(String word) {
        boolean prefix = word.endsWith("*") && word.length() > 1;
        String body = prefix ? word.substring(0, word.length() - 1) : word;
        var tokens = Tokenizer.tokenize(body);
        var words = new ArrayList<String>();
        for (var token : tokens) {
            words.add(token.norm());
        }
        if (prefix && !words.isEmpty()) {
            words.set(words.size() - 1, words.getLast() + "*");
        }
        return words;
    }

    /**
     * The entries in the tokens, longest first at each position, never overlapping. A phrase does
     * not run across a sentence end or a number, code or masked word.
     */
    public List<Match> find(List<Token> tokens) {
        var matches = new ArrayList<Match>();
        // Two lists reused for every position: allocating them per position and word was a fifth of
        // everything the application allocated in the email benchmark.
        var frontier = new ArrayList<Node>(4);
        var next = new ArrayList<Node>(4);
        int i = 0;
        while (i < tokens.size()) {
            var token = tokens.get(i);
            var longest = token.isWord() ? longestAt(tokens, i, frontier, next) : null;
            if (longest != null) {
                matches.add(longest);
                i = longest.to();
            } else {
                i++;
            }
        }
        return matches;
    }

    /** The longest phrase starting at token {@code i}, or null. */
    private @Nullable Match longestAt(List<Token> tokens, int i, List<Node> frontier, List<Node> next) {
        int sentence = tokens.get(i).sentence();
        Match best = null;
        frontier.clear();
        frontier.add(root);
        for (int k = i; k < tokens.size() && !frontier.isEmpty(); k++) {
            var token = tokens.get(k);
            if (!token.isWord() || token.sentence() != sentence) {
                break;
            }
            next.clear();
            for (var node : frontier) {
                step(node, token, next);
            }
            for (var node : next) {
                if (node.entry != null && (best == null || best.to() < k + 1)) {
                    best = new Match(node.entry, i, k + 1);
                }
            }
            var swap = frontier;
            frontier = next;
            next = swap;
        }
        return best;
    }

    private static void step(Node node, Token token, List<Node> next) {
        addIfPresent(node.words.get(token.norm()), next);
        if (token.stretched() != null) {
            addIfPresent(node.words.get(token.stretched()), next);
        }
        if (!node.prefixes.isEmpty()) {
            for (var prefix : node.prefixes.entrySet()) {
                if (token.startsWith(prefix.getKey())) {
                    addIfPresent(prefix.getValue(), next);
                }
            }
        }
    }

    private static void addIfPresent(@Nullable Node node, List<Node> next) {
        if (node != null && !next.contains(node)) {
            next.add(node);
        }
    }
}
