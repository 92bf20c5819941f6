package dev.casekeeper.assist.detect;

import com.modernmt.text.profanity.dictionary.Dictionary;
import com.modernmt.text.profanity.dictionary.Profanity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The word lists of one language, read from {@code assist/<language>/} on the classpath. What
 * each file holds is described in {@code docs/assist.md}; a language adds a folder with the same
 * file names, and a file it lacks is an empty list.
 */
public final class Lexicon {

    private final String language;
    private final Profanities profanities;
    private final Map<String, PhraseList> lists = new HashMap<>();
    private final Set<String> acronyms;
    private final Set<String> emphasis;
    private final Set<String> negators;
    private final Set<String> delight;
    private final Set<String> persons;
    private final Properties texts;

    private Lexicon(String language) {
        this.language = language;
        String folder = "assist/" + language + "/";
        for (String name : List.of(
                "insults",
                "negative",
                "threats",
                "escalation",
                "repetition",
                "politeness",
                "blame",
                "condescension",
                "refusal",
                "alternatives",
                "jargon",
                "acknowledgement",
                "sarcasm")) {
            lists.put(name, PhraseList.load(folder + name + ".txt"));
        }
        this.acronyms = words(folder + "acronyms.txt");
        this.emphasis = words(folder + "emphasis.txt");
        this.negators = words(folder + "negators.txt");
        this.delight = words(folder + "delight.txt");
        this.persons = words(folder + "persons.txt");
        this.texts = properties(folder + "texts.properties");
        this.profanities = profanities(folder);
        if (profanities.isEmpty() && lists.values().stream().allMatch(PhraseList::isEmpty)) {
            throw new IllegalArgumentException("No assist word lists for language '" + language + "' under " + folder);
        }
    }

    /** Loads a language's lists; fails if the language has none. */
    public static Lexicon load(String language) {
        return new Lexicon(language);
    }

    public String language() {
        return language;
    }

    public Profanities profanities() {
        return profanities;
    }

    public PhraseList list(String name) {
        var list = lists.get(name);
        if (list == null) {
            throw new IllegalArgumentException("No word list named " + name);
        }
        return list;
    }

    /** Capitalised words that are names of things (USB, SKU), not shouting. */
    public boolean isAcronym(String norm) {
        return acronyms.contains(norm);
    }

    /** Short words that, in capitals, are emphasis (NOW, NEVER, AGAIN), never acronyms. */
    public boolean isEmphasis(String norm) {
        return emphasis.contains(norm);
    }

    /** Words of joy or thanks: a sentence in capitals with one of them is delight, not shouting. */
    public boolean isDelight(String norm) {
        return delight.contains(norm);
    }

    /** Words of the first and second person (I, my, you, your): a sentence in capitals with one speaks to or about someone. */
    public boolean isPerson(String norm) {
        return persons.contains(norm);
    }

    /** Words that turn the meaning of what follows around (not, never, no). */
    public boolean isNegator(String norm) {
        return negators.contains(norm);
    }

    /** A text of this language (suggestions, template parts), or the key itself when missing. */
    public String text(String key) {
        return texts.getProperty(key, key);
    }

    public boolean hasText(String key) {
        return texts.containsKey(key);
    }

    /**
     * Swear words: the library lexicon named in {@code lexicon.properties} (entries scored at or above
     * {@code profanity.strong-from} count as strong, lower ones are left out unless listed here),
     * then {@code profanity.txt} (ours: {@code level=strong|mild}, overriding the library), minus
     * {@code profanity-ignore.txt} (words that are harmless in customer service, such as shag or screw).
     */
    private static Profanities profanities(String folder) {
        var config = properties(folder + "lexicon.properties");
        var levels = new HashMap<String, Boolean>();
        String library = config.getProperty("profanity.library");
        if (library != null) {
            float strongFrom = Float.parseFloat(config.getProperty("profanity.strong-from", "0.3"));
            for (Profanity profanity : libraryDictionary(library)) {
                if (profanity.score() >= strongFrom) {
                    levels.put(profanity.text(), true);
                }
            }
        }
        for (var entry : PhraseList.load(folder + "profanity.txt").entries()) {
            levels.put(entry.phrase(), !"mild".equals(entry.attribute("level")));
        }
        for (var ignored : PhraseList.load(folder + "profanity-ignore.txt").entries()) {
            levels.remove(ignored.phrase());
        }
        var entries = new ArrayList<PhraseList.Entry>();
        levels.forEach((phrase, strong) ->
                entries.add(new PhraseList.Entry(phrase, Map.of("level", strong ? "strong" : "mild"))));
        return new Profanities(
                PhraseList.of(entries),
                levels.entrySet().stream()
                        .filter(e -> !e.getKey().contains(" "))
                        .collect(Collectors.toMap(
                                e -> PhraseList.normalize(e.getKey()).getFirst(),
                                Map.Entry::getValue,
                                (a, b) -> a || b)));
    }

    private static Iterable<Profanity> libraryDictionary(String resource) {
        try (InputStream stream = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("The profanity lexicon " + resource + " is not on the classpath");
            }
            return Dictionary.read(resource.substring(resource.lastIndexOf('.') + 1), stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> words(String resource) {
        var words = new HashSet<String>();
        for (var entry : PhraseList.load(resource).entries()) {
            words.addAll(PhraseList.normalize(entry.phrase()));
        }
        return Set.copyOf(words);
    }

    private static Properties properties(String resource) {
        var properties = new Properties();
        try (InputStream stream = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream != null) {
                properties.load(new java.io.InputStreamReader(stream, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
