package dev.casekeeper.support;

import dev.casekeeper.cases.TimelineJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The notification kinds and timeline event types the application writes: the kind given to every
 * {@code Notify.of(…)}, read from the source (a call this class cannot read fails, so a new kind is
 * never missed silently), and every kind of {@link dev.casekeeper.cases.TimelineEvent}.
 */
public final class CodeCatalog {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z_]+)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private CodeCatalog() {}

    public static Set<String> notificationKinds() {
        var kinds = new TreeSet<String>();
        for (Path file : sources()) {
            String code = read(file);
            for (String kind : arguments(code, "Notify.of(", 1)) {
                kinds.add(resolve(kind, code, file));
            }
        }
        return kinds;
    }

    /** The names every kind of timeline event is stored and shown under. */
    public static Set<String> timelineEventTypes() {
        return new TreeSet<>(TimelineJson.types().keySet());
    }

    private static String resolve(String expression, String code, Path file) {
        if (LITERAL.matcher(expression).matches()) {
            return unquote(expression);
        }
        if (IDENTIFIER.matcher(expression).matches()) {
            Matcher constant = Pattern.compile("String " + expression + " = \"([a-z_]+)\";")
                    .matcher(code);
            if (constant.find()) {
                return constant.group(1);
            }
        }
        throw new IllegalStateException(file + " sends a notification kind this catalog cannot read: " + expression);
    }

    /** The argument at this position of every call that starts with the given text. */
    private static List<String> arguments(String code, String call, int position) {
        return calls(code, call).stream()
                .filter(args -> args.size() > position)
                .map(args -> args.get(position).strip())
                .toList();
    }

    private static List<List<String>> calls(String code, String call) {
        var found = new ArrayList<List<String>>();
        int at = code.indexOf(call);
        while (at >= 0) {
            int start = at + call.length();
            found.add(split(code, start));
            at = code.indexOf(call, start);
        }
        return found;
    }

    /** The top-level arguments of a call whose parenthesis opened just before {@code start}. */
    private static List<String> split(String code, int start) {
        var args = new ArrayList<String>();
        int depth = 0;
        boolean quoted = false;
        var current = new StringBuilder();
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' && code.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
                if (depth == 0) {
                    args.add(current.toString());
                    return args;
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    private static String unquote(String literal) {
        return literal.strip().replaceAll("^\"|\"$", "");
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
