package dev.casekeeper.channels.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The hand-checked readings of {@code src/test/resources/email/expected-readings.tsv}: for each
 * real-world message, what a person reading it sees (its columns are described in the file).
 */
final class ExpectedReadings {

    static final String RESOURCE = "email/expected-readings.tsv";
    private static final String WRITTEN = "written-for-this-test/";
    private static final Set<String> FIELDS = Set.of("subject", "text", "attachments", "automatic", "threads into");

    /**
     * One message's reading; {@code phrases} is null when no phrase is checked, empty when the message
     * shows no text; {@code known} is the field Casekeeper still reads differently, if any.
     */
    record Reading(
            String file,
            String subject,
            @Nullable List<String> phrases,
            List<String> attachments,
            boolean automatic,
            @Nullable String threadsInto,
            @Nullable String known,
            @Nullable String knownReason) {

        byte[] raw() {
            if (!file.startsWith(WRITTEN)) {
                return Corpora.message(file);
            }
            try (InputStream in = ExpectedReadings.class.getClassLoader().getResourceAsStream("email/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("No test resource email/" + file);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean knownToDiffer(String field) {
            return field.equals(known);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private ExpectedReadings() {}

    static List<Reading> load() {
        List<String> lines;
        try (InputStream in = ExpectedReadings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + RESOURCE);
            }
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var readings = new ArrayList<Reading>();
        boolean header = true;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            readings.add(parse(line));
        }
        return readings;
    }

    private static Reading parse(String line) {
        String[] cells = line.split("\t", -1);
        if (cells.length != 8) {
            throw new IllegalArgumentException(
                    RESOURCE + ": 8 tab-separated cells expected, found " + cells.length + " in: " + line);
        }
        String known = null;
        String reason = null;
        if (!cells[6].equals("-")) {
            int colon = cells[6].indexOf(':');
            known = colon < 0 ? "" : cells[6].substring(0, colon).strip();
            reason = colon < 0 ? "" : cells[6].substring(colon + 1).strip();
            if (!FIELDS.contains(known) || reason.isEmpty()) {
                throw new IllegalArgumentException(RESOURCE + ": a known difference is \"field: reason\", field one of "
                        + FIELDS + "; found \"" + cells[6] + "\" for " + cells[0]);
            }
        }
        if (!cells[4].equals("yes") && !cells[4].equals("no")) {
            throw new IllegalArgumentException(
                    RESOURCE + ": automatic is yes or no, found \"" + cells[4] + "\" for " + cells[0]);
        }
        var phrases = cells[2].equals("-") ? null : cells[2].equals("(no text)") ? List.<String>of() : list(cells[2]);
        return new Reading(
                cells[0],
                cells[1],
                phrases,
                list(cells[3]),
                cells[4].equals("yes"),
                cells[5].equals("-") ? null : cells[5],
                known,
                reason);
    }

    private static List<String> list(String cell) {
        return cell.equals("-")
                ? List.of()
                : Arrays.stream(cell.split(" \\| ")).map(String::strip).toList();
    }

    /** Runs of whitespace as one space, no space at either end: how subjects and phrases are compared. */
    static String normalized(@Nullable String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** Whether a file name matches an expected one, where {@code *} stands for any characters. */
    static boolean nameMatches(String expected, String actual) {
        var pattern = new StringBuilder();
        for (String piece : expected.split("\\*", -1)) {
            if (!pattern.isEmpty()) {
                pattern.append(".*");
            }
            pattern.append(Pattern.quote(piece));
        }
        return Pattern.compile(pattern.toString(), Pattern.DOTALL)
                .matcher(actual)
                .matches();
    }

    /** Whether the listed names are the expected ones, each matched once, in any order. */
    static boolean namesMatch(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        var left = new ArrayList<>(actual);
        // Exact names first, so a pattern does not take the file an exact name needs.
        var ordered = new ArrayList<>(expected);
        ordered.sort((a, b) -> Boolean.compare(a.contains("*"), b.contains("*")));
        for (String name : ordered) {
            var match = left.stream().filter(a -> nameMatches(name, a)).findFirst();
            if (match.isEmpty()) {
                return false;
            }
            left.remove(match.get());
        }
        return true;
    }
}
